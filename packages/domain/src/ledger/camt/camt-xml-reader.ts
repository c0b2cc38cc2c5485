import { SaxesParser, type SaxesTagPlain } from "saxes";
import { isAppError } from "../../errors.ts";
import { invalidValue } from "../ledger-errors.ts";
import type { CamtKind, CamtStatement } from "./camt-types.ts";
import { readCamtEntry } from "./read-camt-entry.ts";
import { camtError, requiredText, textAt, type XmlNode } from "./xml-node.ts";

/**
 * Streams camt.053/.054 XML with a SAX parser, matching local names so any version's namespace (or prefix) reads.
 * Holds one statement's header and entries plus the entry being read; never the whole document.
 */
const CONTAINERS: Record<string, { kind: CamtKind; item: string }> = {
  BkToCstmrStmt: { kind: "053", item: "Stmt" },
  BkToCstmrDbtCdtNtfctn: { kind: "054", item: "Ntfctn" },
};

/** Elements that repeat under their parent carry a 1-based index in paths, e.g. "Stmt[1]/Ntry[3]". */
const REPEATED = new Set(["Stmt", "Ntfctn", "Ntry", "NtryDtls", "TxDtls", "Bal", "Ustrd", "Strd"]);

interface Frame {
  readonly name: string;
  readonly path: string;
  readonly counts: Map<string, number>;
  readonly node: XmlNode | undefined;
}

interface OpenStatement {
  readonly header: XmlNode;
  readonly entries: CamtStatement["entries"];
}

export interface CamtXmlReader {
  /** Statements completed by this chunk. */
  write(chunk: string): CamtStatement[];
  close(): CamtStatement[];
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

const versionOf = (attributes: Record<string, string>): string | null =>
  Object.values(attributes).map((value) => /camt\.05[34]\.\d{3}\.\d{2}/.exec(value)?.[0]).find((v) => v !== undefined) ?? null;

class StreamingCamtReader implements CamtXmlReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly stack: Frame[] = [];
  private readonly ready: CamtStatement[] = [];
  private container: { kind: CamtKind; item: string } | undefined;
  private version: string | null = null;
  private open: OpenStatement | undefined;

  constructor() {
    this.parser.on("opentag", (tag) => this.openElement(tag));
    this.parser.on("text", (text) => this.appendText(text));
    this.parser.on("cdata", (text) => this.appendText(text));
    this.parser.on("closetag", () => this.closeElement());
  }

  write(chunk: string): CamtStatement[] {
    return this.guarded(() => this.parser.write(chunk));
  }

  close(): CamtStatement[] {
    return this.guarded(() => {
      this.parser.close();
      if (this.container === undefined) throw invalidValue("camt: the document has no camt.053 or camt.054 message", "ledger.invalidCamt");
    });
  }

  private openElement(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.stack.at(-1);
    const index = (parent?.counts.get(name) ?? 0) + 1;
    parent?.counts.set(name, index);
    const path = `${parent ? `${parent.path}/` : ""}${name}${REPEATED.has(name) ? `[${index}]` : ""}`;
    this.checkRoot(name, tag, path);
    this.stack.push({ name, path, counts: new Map(), node: this.nodeFor(name, parent, tag, path) });
  }

  private appendText(text: string): void {
    const node = this.stack.at(-1)?.node;
    if (node !== undefined) node.text += text;
  }

  private closeElement(): void {
    const frame = this.stack.pop()!;
    if (this.stack.length === 3 && frame.name === "Ntry" && frame.node !== undefined) this.open?.entries.push(readCamtEntry(frame.node));
    if (this.stack.length === 2 && this.open !== undefined && frame.name === this.container?.item) {
      this.ready.push(this.finishStatement(this.open));
      this.open = undefined;
    }
  }

  private checkRoot(name: string, tag: SaxesTagPlain, path: string): void {
    const depth = this.stack.length;
    if (depth === 0 && name !== "Document") {
      throw invalidValue(`camt: the root element is <${tag.name}>, not an ISO 20022 Document (line ${this.parser.line})`, "ledger.invalidCamt");
    }
    if (depth === 0) this.version = versionOf(tag.attributes);
    if (depth !== 1) return;
    this.container = CONTAINERS[name];
    if (this.container === undefined) {
      throw invalidValue(`camt: ${path} is neither a camt.053 statement nor a camt.054 notification (line ${this.parser.line})`, "ledger.invalidCamt");
    }
  }

  /** The node to capture for this element, if it belongs to a statement's header or to an entry. */
  private nodeFor(name: string, parent: Frame | undefined, tag: SaxesTagPlain, path: string): XmlNode | undefined {
    const depth = this.stack.length;
    const node: XmlNode = { name, attributes: tag.attributes, text: "", children: [], line: this.parser.line, path };
    if (depth === 2 && name === this.container?.item) {
      this.open = { header: node, entries: [] };
      return undefined;
    }
    if (this.open === undefined || depth < 3) return undefined;
    // Entries are captured on their own; every other statement child (Id, CreDtTm, Acct, Bal…) joins the header.
    if (depth === 3) {
      if (name !== "Ntry") this.open.header.children.push(node);
      return node;
    }
    if (parent?.node === undefined) return undefined;
    parent.node.children.push(node);
    return node;
  }

  private finishStatement({ header, entries }: OpenStatement): CamtStatement {
    const iban = textAt(header, "Acct/Id/IBAN")?.replace(/\s+/g, "").toUpperCase() ?? null;
    const accountId = iban ?? textAt(header, "Acct/Id/Othr/Id");
    if (accountId === null) throw camtError(header, "Acct/Id/IBAN is missing");
    const statement = {
      id: requiredText(header, "Id"), kind: this.container!.kind, version: this.version, createdAt: requiredText(header, "CreDtTm"),
      iban, accountId, currency: textAt(header, "Acct/Ccy"), path: header.path,
    };
    return { statement, entries };
  }

  /** Our own errors pass through; the SAX parser's become a message with line, column and the open element's path. */
  private guarded(run: () => void): CamtStatement[] {
    try {
      run();
    } catch (error) {
      if (isAppError(error)) throw error;
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^(?:[^:]*:)?\d+:\d+: /, "");
      const where = this.stack.length > 0 ? ` inside ${this.stack.at(-1)!.path}` : "";
      throw invalidValue(`camt: malformed XML at line ${this.parser.line}, column ${this.parser.column}${where}: ${reason}`, "ledger.invalidCamt");
    }
    return this.ready.splice(0);
  }
}

export const createCamtXmlReader = (): CamtXmlReader => new StreamingCamtReader();
