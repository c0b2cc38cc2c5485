import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTP_STATUS_OF, isAppError } from "@relance/domain";
import { MAX_INBOUND_EMAIL_BYTES, receiveInboundEmail, type ServiceDeps } from "@relance/services";
import { BodyTooLarge, readLimitedBody } from "./read-limited-body.ts";
import { sendJson } from "./send-json.ts";

/** `POST /api/inbound-email`: one raw message as the body, for mail providers' inbound webhooks and relays. */
export const INBOUND_EMAIL_PATH = "/api/inbound-email";

// Digests first, so that the comparison takes the same time whatever the length or the content of the guess.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

const bearerMatches = (header: string | undefined, token: string): boolean => {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return timingSafeEqual(digest(match?.[1] ?? ""), digest(token)) && match !== null;
};

const refuse = (req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // what is left of a body we refuse is not read: the connection closes after the answer
  res.setHeader("connection", "close");
  res.once("finish", () => req.destroy());
  sendJson(res, status, { error: { message } });
};

/**
 * Only served when INBOUND_EMAIL_TOKEN is set (404 otherwise, as if the route did not exist), behind
 * `Authorization: Bearer <token>`. Answers the outcome as JSON: recorded, duplicate, or ignored with the reason.
 */
export const handleInboundEmail = async (deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> => {
  if (token === undefined) return refuse(req, res, 404, "Not found.");
  if (!bearerMatches(req.headers.authorization, token)) {
    return refuse(req, res, 401, "A valid inbound e-mail token is required (Authorization: Bearer <token>).", { "www-authenticate": 'Bearer realm="inbound-email"' });
  }
  if (req.method !== "POST") return refuse(req, res, 405, "Post the raw message.", { allow: "POST" });
  let raw: Buffer;
  try {
    raw = await readLimitedBody(req, MAX_INBOUND_EMAIL_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(req, res, 413, `message: larger than ${MAX_INBOUND_EMAIL_BYTES / 1024 / 1024} MB, the largest accepted`);
    throw error;
  }
  try {
    sendJson(res, 200, await receiveInboundEmail(deps, raw));
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendJson(res, HTTP_STATUS_OF[error.code], { error: { code: error.code, message: error.message, fields: error.details.fields ?? [] } });
  }
};
