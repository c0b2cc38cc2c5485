import { AppError, hasRole, LEDGER_WRITERS, type Role } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findAccessibleCase } from "./case-access.ts";
import { findAccessibleDisputeTx } from "../disputes/dispute-access.ts";
import { withTenant } from "@relance/db";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Who may edit a case's notes: the ledger roles and sales reps brought into the case; managers only read. */
const canEditNotes = (role: Role): boolean => hasRole(role, LEDGER_WRITERS) || role === "sales";

/**
 * One kind of collaborative document: its name is `<prefix>-<uuid>`, and `authorize` gets the uuid. It throws
 * NOT_FOUND when the actor may not see the record behind it, and answers whether the actor only reads and which case
 * the document belongs to (losing access to that case closes the document's connections).
 */
export interface DocumentAccess {
  readOnly: boolean;
  caseId: string;
}

export interface DocumentResolver {
  prefix: string;
  authorize(deps: ServiceDeps, actor: Actor, id: string): Promise<DocumentAccess>;
}

/** Every kind of collaborative document; a new kind is one more entry. */
export const DOCUMENT_RESOLVERS: readonly DocumentResolver[] = [
  {
    prefix: "case",
    authorize: async (deps, actor, caseId) => {
      await findAccessibleCase(deps, actor, caseId);
      return { readOnly: !canEditNotes(actor.role), caseId };
    },
  },
  {
    // a dispute's notes follow its case: whoever sees the case sees them, managers read only
    prefix: "dispute",
    authorize: async (deps, actor, disputeId) => {
      const dispute = await withTenant(deps.db.sql, actor.orgId, (tx) => findAccessibleDisputeTx(tx, actor, disputeId));
      return { readOnly: !canEditNotes(actor.role), caseId: dispute.caseId };
    },
  },
];

const PATTERNS = new Map(DOCUMENT_RESOLVERS.map((r) => [r, new RegExp(`^${r.prefix}-(${UUID})$`)]));

/**
 * Decides, before a collaborative document is loaded, whether the actor may open it and whether read-only.
 * Unknown names and documents of records the actor cannot see are both "not found".
 */
export const authorizeDocument = async (deps: ServiceDeps, actor: Actor, docName: string): Promise<DocumentAccess> => {
  for (const [resolver, pattern] of PATTERNS) {
    const match = pattern.exec(docName);
    if (match) return resolver.authorize(deps, actor, match[1]!);
  }
  throw new AppError("NOT_FOUND", "Document not found", { key: "errors.notFound" });
};
