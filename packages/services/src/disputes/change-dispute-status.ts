import { moveDisputeStatus, withTenant } from "@relance/db";
import { AppError, allowedDisputeTransitions } from "@relance/domain";
import { emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { appendDisputeEvent, findAccessibleDisputeTx, requireUnresolved, throwFieldIssues } from "./dispute-access.ts";
import { changeDisputeStatusInput } from "./dispute-inputs.ts";

/**
 * Moves a dispute to another unresolved status: the current status interval ends and the next starts at the same
 * instant (the SLA clocks). The dispute roles may make any allowed move; a sales rep who sees the case may take it for
 * investigation or hand it to billing or the customer; managers only read.
 */
export const changeDisputeStatus = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ eventId: string }> => {
  const v = parseInput(changeDisputeStatusInput, input);
  const { eventId, caseId } = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const dispute = await findAccessibleDisputeTx(tx, actor, v.disputeId, { lock: true });
    if (actor.role === "manager") throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
    requireUnresolved(dispute);
    const allowed = allowedDisputeTransitions(dispute.status, actor.role);
    if (!allowed.includes(v.status)) {
      if (allowedDisputeTransitions(dispute.status, "admin").includes(v.status)) {
        throw new AppError("FORBIDDEN", "Your role cannot move the dispute there.", { key: "disputes.transitionForbidden" });
      }
      throwFieldIssues([{ path: "status", message: `A dispute cannot go from ${dispute.status} to ${v.status}` }]);
    }
    await moveDisputeStatus(tx, { orgId: actor.orgId, disputeId: dispute.id, status: v.status, at: deps.clock.now(), by: actor.userId });
    const id = await appendDisputeEvent(tx, deps, {
      orgId: actor.orgId, actorId: actor.userId, dispute, event: "status_changed", note: v.note, details: { from: dispute.status, to: v.status },
    });
    return { eventId: id, caseId: dispute.caseId };
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "dispute.changed", orgId: actor.orgId, caseId, disputeId: v.disputeId });
  return { eventId };
};
