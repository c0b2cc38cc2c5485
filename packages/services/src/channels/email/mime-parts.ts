/**
 * A minimal MIME walker, enough to read delivery-status reports: mailparser folds `message/delivery-status` into the
 * message text, so the report's fields cannot be told from the human-readable part through it. Bodies are handled as
 * latin1 strings so that every byte survives until the transfer encoding is undone.
 */
export interface MimePart {
  /** Header names lower-cased, continuation lines unfolded; a repeated header keeps its first value. */
  headers: Map<string, string>;
  contentType: string;
  params: Record<string, string>;
  /** Body with the transfer encoding (base64, quoted-printable) undone. */
  body: Buffer;
  parts: MimePart[];
}

// Deeper nesting than this is not something an MTA produces; stop rather than recurse on a crafted message.
const MAX_DEPTH = 8;

export const parseHeaderBlock = (block: string): Map<string, string> => {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
};

export const splitHeadersAndBody = (raw: string): { headerBlock: string; body: string } => {
  const match = /\r?\n\r?\n/.exec(raw);
  if (match === null) return { headerBlock: raw, body: "" };
  return { headerBlock: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
};

export const parseContentType = (value: string | undefined): { type: string; params: Record<string, string> } => {
  const text = value ?? "text/plain";
  const semicolon = text.indexOf(";");
  const type = (semicolon < 0 ? text : text.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const pattern = /;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const [, name, rawValue] of text.matchAll(pattern)) {
    if (name === undefined || rawValue === undefined) continue;
    const trimmed = rawValue.trim();
    params[name.toLowerCase()] = trimmed.startsWith('"') ? trimmed.slice(1, -1).replace(/\\(.)/g, "$1") : trimmed;
  }
  return { type, params };
};

const decodeQuotedPrintable = (text: string): Buffer => {
  const softBreaksRemoved = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (softBreaksRemoved[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(softBreaksRemoved.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
};

const decodeBody = (body: string, encoding: string | undefined): Buffer => {
  switch (encoding?.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, "latin1");
  }
};

const splitMultipart = (body: string, boundary: string): string[] => {
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) break;
    if (trimmed === `--${boundary}`) {
      if (current !== undefined) parts.push(current.join("\r\n"));
      current = [];
    } else {
      current?.push(line);
    }
  }
  if (current !== undefined) parts.push(current.join("\r\n"));
  return parts;
};

const parsePart = (raw: string, depth: number): MimePart => {
  const { headerBlock, body } = splitHeadersAndBody(raw);
  const headers = parseHeaderBlock(headerBlock);
  const { type, params } = parseContentType(headers.get("content-type"));
  const boundary = params.boundary;
  if (type.startsWith("multipart/") && boundary !== undefined && depth < MAX_DEPTH) {
    return { headers, contentType: type, params, body: Buffer.alloc(0), parts: splitMultipart(body, boundary).map((part) => parsePart(part, depth + 1)) };
  }
  return { headers, contentType: type, params, body: decodeBody(body, headers.get("content-transfer-encoding")), parts: [] };
};

/** A string is taken as the message's UTF-8 text, a Buffer as its bytes. */
export const parseMimeMessage = (raw: string | Buffer): MimePart =>
  parsePart((typeof raw === "string" ? Buffer.from(raw, "utf8") : raw).toString("latin1"), 0);

/** Depth-first search through the part tree, the root included. */
export const findPart = (root: MimePart, predicate: (part: MimePart) => boolean): MimePart | undefined => {
  if (predicate(root)) return root;
  for (const part of root.parts) {
    const found = findPart(part, predicate);
    if (found !== undefined) return found;
  }
  return undefined;
};
