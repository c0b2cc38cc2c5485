import { findCaseDetailForUpdate, type CaseDetailRow, type TenantTx } from "@relance/db";
import { AppError, hasRole, LEDGER_WRITERS } from "@relance/domain";
import type { Actor } from "../deps.ts";

export const caseNotFound = () => new AppError("NOT_FOUND", "Case not found", { key: "errors.notFound" });

/** Admins, credit managers and billing change cases; managers and sales reps only read them. */
export const requireCaseWriter = (actor: Actor): void => {
  if (!hasRole(actor.role, LEDGER_WRITERS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
};

/** Whether the actor may see a case of a debtor owned by `salesOwnerId`. */
export const canSeeDebtor = (actor: Actor, salesOwnerId: string | null): boolean => actor.role !== "sales" || salesOwnerId === actor.userId;

/** The case, locked for a change inside `tx`; another tenant's case reads "not found". */
export const lockWritableCase = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseDetailRow> => {
  requireCaseWriter(actor);
  const found = await findCaseDetailForUpdate(tx, caseId);
  if (!found || !canSeeDebtor(actor, found.salesOwnerId)) throw caseNotFound();
  return found;
};
