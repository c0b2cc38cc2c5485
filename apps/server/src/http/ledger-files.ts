import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, hasRole, HTTP_STATUS_OF, isAppError, LEDGER_WRITERS, type Role } from "@relance/domain";
import { authenticateRequest } from "@relance/realtime";
import {
  calendarDate,
  columnMappingSchema,
  exportOpenItems,
  fileSourceFromStream,
  importFile,
  type ServiceDeps,
  type SessionContext,
} from "@relance/services";
import { z } from "zod";
import { sendJson } from "./send-json.ts";

const isoDate = z.iso.date("Use a date as YYYY-MM-DD");
const flag = z.enum(["true", "false"]).transform((v) => v === "true");

const importQuery = z.object({
  kind: z.enum(["csv", "fec", "camt"]),
  fileName: z.string().trim().min(1).max(200),
  asOf: isoDate.optional(),
  acceptValidRows: flag.default(false),
  clientRef: z.uuid().optional(),
  mappingName: z.string().trim().min(1).max(100).optional(),
  // Excel caps a sheet's name at 31 characters
  sheet: z.string().trim().min(1).max(31).optional(),
  accountPrefix: z.string().regex(/^\d{1,8}$/, "digits only").default("411"),
  defaultTermsDays: z.coerce.number().int().min(0).max(365).default(30),
});

const EXPORT_READERS: readonly Role[] = [...LEDGER_WRITERS, "manager"];

const fail = (res: ServerResponse, error: AppError): void =>
  sendJson(res, HTTP_STATUS_OF[error.code], {
    error: { code: error.code, key: error.details.key ?? null, message: error.message, fields: error.details.fields ?? [] },
  });

const requireSession = async (deps: ServiceDeps, req: IncomingMessage, roles: readonly Role[]): Promise<SessionContext> => {
  const session = await authenticateRequest(deps, req);
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!hasRole(session.role, roles)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return session;
};

const parseQuery = <S extends z.ZodType>(schema: S, url: URL): z.output<S> => {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("BAD_REQUEST", `Invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { fields });
};

/** A column mapping sent with the file, as base64url JSON in a header (the body is the file itself). */
const mappingFromHeader = (req: IncomingMessage) => {
  const header = req.headers["x-relance-mapping"];
  if (typeof header !== "string" || header === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "The column mapping is not valid JSON.", { fields: [{ path: "mapping", message: "not valid JSON" }] });
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: `mapping.${i.path.join(".")}`, message: i.message }));
  throw new AppError("BAD_REQUEST", `Invalid column mapping: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { fields });
};

/**
 * POST /api/imports?kind=csv|fec|camt&fileName=…: the request body is the file, streamed straight into the import
 * (one request, so a load-balanced deployment keeps it on one node). Answers the import summary.
 */
export const handleImportUpload = async (deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
  try {
    const session = await requireSession(deps, req, LEDGER_WRITERS);
    const q = parseQuery(importQuery, url);
    const mapping = q.kind === "csv" ? mappingFromHeader(req) : undefined;
    const length = Number(req.headers["content-length"]);
    const summary = await importFile(
      deps,
      { userId: session.user.id, orgId: session.org.id, role: session.role },
      {
        source: fileSourceFromStream(q.fileName, Number.isFinite(length) ? length : null, req),
        asOf: q.asOf ?? calendarDate(deps.clock.now()),
        acceptValidRows: q.acceptValidRows,
        clientRef: q.clientRef ?? null,
        request:
          q.kind === "csv"
            ? { kind: "csv", mapping, mappingName: q.mappingName, sheet: q.sheet }
            : q.kind === "fec"
              ? { kind: "fec", accountPrefix: q.accountPrefix, defaultTermsDays: q.defaultTermsDays }
              : { kind: "camt" },
      },
    );
    sendJson(res, 200, summary);
  } catch (error) {
    req.resume();
    if (isAppError(error)) return fail(res, error);
    throw error;
  }
};

/** GET /api/exports/open-items.csv?asOf=…: the open items and their outcome, streamed as CSV. */
export const handleOpenItemsExport = async (deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
  try {
    const session = await requireSession(deps, req, EXPORT_READERS);
    const { asOf } = parseQuery(z.object({ asOf: isoDate.optional() }), url);
    const date = asOf ?? calendarDate(deps.clock.now());
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="open-items-${session.org.slug}-${date}.csv"`,
      "cache-control": "no-store",
    });
    await exportOpenItems(deps, session.org.id, date, (chunk) =>
      res.write(chunk) ? undefined : new Promise<void>((resolve) => res.once("drain", () => resolve())),
    );
    res.end();
  } catch (error) {
    if (isAppError(error) && !res.headersSent) return fail(res, error);
    throw error;
  }
};
