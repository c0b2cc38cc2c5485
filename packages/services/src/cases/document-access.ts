import { AppError, hasRole, LEDGER_WRITERS, type Role } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findAccessibleCase } from "./case-access.ts";

const CASE_DOCUMENT = /^case-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Who may edit a case's notes: the ledger roles and sales reps brought into the case; managers only read. */
const canEditNotes = (role: Role): boolean => hasRole(role, LEDGER_WRITERS) || role === "sales";

/**
 * Decides, before a collaborative document is loaded, whether the actor may open it and whether read-only.
 * Unknown names and documents of cases the actor cannot see are both "not found".
 */
export const authorizeDocument = async (deps: ServiceDeps, actor: Actor, docName: string): Promise<{ readOnly: boolean }> => {
  const match = CASE_DOCUMENT.exec(docName);
  if (!match) throw new AppError("NOT_FOUND", "Document not found", { key: "errors.notFound" });
  await findAccessibleCase(deps, actor, match[1]!);
  return { readOnly: !canEditNotes(actor.role) };
};
