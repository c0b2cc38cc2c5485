import { appendTimelineEvent, lockDispute, findDispute, type DisputeRow, type TenantTx } from "@relance/db";
import { AppError, DISPUTE_WRITERS, hasRole, type FieldIssue } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findAccessibleCaseTx } from "../cases/case-access.ts";

export const disputeNotFound = () => new AppError("NOT_FOUND", "Dispute not found", { key: "errors.notFound" });

/** Admins, credit managers and billing run disputes; sales reps only move them along; managers read. */
export const requireDisputeWriter = (actor: Actor): void => {
  if (!hasRole(actor.role, DISPUTE_WRITERS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
};

/**
 * The dispute if the actor may see its case (the one case access rule), optionally locked for a change. Another
 * tenant's dispute and one on a case a sales rep was not brought into both read "not found".
 */
export const findAccessibleDisputeTx = async (tx: TenantTx, actor: Actor, disputeId: string, options: { lock?: boolean } = {}): Promise<DisputeRow> => {
  const found = options.lock ? await lockDispute(tx, disputeId) : await findDispute(tx, disputeId);
  if (!found) throw disputeNotFound();
  try {
    await findAccessibleCaseTx(tx, actor, found.caseId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw disputeNotFound();
    throw error;
  }
  return found;
};

export const requireUnresolved = (dispute: DisputeRow): void => {
  if (dispute.status === "resolved") throw new AppError("PRECONDITION_FAILED", "This dispute is already resolved.", { key: "disputes.alreadyResolved" });
};

/** Refuses the input with every field at fault, before anything is written. */
export const throwFieldIssues = (fields: FieldIssue[]): void => {
  if (fields.length === 0) return;
  throw new AppError("BAD_REQUEST", `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { key: "errors.invalidInput", fields });
};

export type DisputeEvent = "opened" | "status_changed" | "participant_added" | "participant_removed" | "access_revoked" | "amount_changed" | "owner_changed" | "due_date_changed" | "resolved" | "escalated";

/** Appends one dispute change to the case timeline: who (actor, null for the engine), when (the clock), what and why. */
export const appendDisputeEvent = (
  tx: TenantTx,
  deps: ServiceDeps,
  e: { orgId: string; actorId: string | null; dispute: { id: string; caseId: string; debtorId: string }; event: DisputeEvent; details: Record<string, unknown>; note?: string },
): Promise<string> =>
  appendTimelineEvent(tx, {
    orgId: e.orgId,
    debtorId: e.dispute.debtorId,
    caseId: e.dispute.caseId,
    kind: "dispute",
    payload: { disputeId: e.dispute.id, event: e.event, ...e.details, ...(e.note ? { note: e.note } : {}) },
    actorId: e.actorId,
    occurredAt: deps.clock.now(),
  });
