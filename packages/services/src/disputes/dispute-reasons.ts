import {
  deleteUnusedDisputeReason, ensureDisputeReasons, findDisputeReason, findDisputeSlaDays, insertDisputeReason, listDisputeReasons, updateDisputeReason,
  updateDisputeSlaDays, withTenant, type DisputeReasonRow,
} from "@relance/db";
import { AppError, DEFAULT_DISPUTE_REASONS } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { throwFieldIssues } from "./dispute-access.ts";
import { createDisputeReasonInput, disputeSettingsInput, reasonIdInput, updateDisputeReasonInput } from "./dispute-inputs.ts";

const requireAdmin = (actor: Actor): void => {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "Only an admin can change dispute settings.", { key: "errors.forbidden" });
};
const reasonNotFound = () => new AppError("NOT_FOUND", "Reason not found", { key: "errors.notFound" });

/** The tenant's reasons, seeded with the defaults the first time; retired ones last (every member reads them). */
export const listReasons = async (deps: ServiceDeps, actor: Actor): Promise<DisputeReasonRow[]> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await ensureDisputeReasons(tx, actor.orgId, DEFAULT_DISPUTE_REASONS);
    return listDisputeReasons(tx);
  });

export const createReason = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ reasonId: string }> => {
  const v = parseInput(createDisputeReasonInput, input);
  requireAdmin(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await ensureDisputeReasons(tx, actor.orgId, DEFAULT_DISPUTE_REASONS);
    const id = await insertDisputeReason(tx, { orgId: actor.orgId, ...v });
    if (id === null) throwFieldIssues([{ path: "code", message: "This code is already used" }]);
    return { reasonId: id! };
  });
};

/** Renames, reorders, retires or brings back a reason (retiring keeps it on the disputes that name it). */
export const updateReason = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const v = parseInput(updateDisputeReasonInput, input);
  requireAdmin(actor);
  const { reasonId, ...fields } = v;
  if (Object.values(fields).every((f) => f === undefined)) throwFieldIssues([{ path: "(input)", message: "Nothing to change" }]);
  await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    if (!(await findDisputeReason(tx, reasonId))) throw reasonNotFound();
    await updateDisputeReason(tx, reasonId, fields);
  });
  return { ok: true };
};

/** Deletes a reason no dispute names; one in use must be retired instead. */
export const deleteReason = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const { reasonId } = parseInput(reasonIdInput, input);
  requireAdmin(actor);
  await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    if (!(await findDisputeReason(tx, reasonId))) throw reasonNotFound();
    if (!(await deleteUnusedDisputeReason(tx, reasonId))) {
      throw new AppError("CONFLICT", "Disputes name this reason: retire it instead.", { key: "disputes.reasonInUse" });
    }
  });
  return { ok: true };
};

export const getDisputeSettings = async (deps: ServiceDeps, actor: Actor): Promise<{ slaBusinessDays: number }> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => ({ slaBusinessDays: await findDisputeSlaDays(tx) }));

/** The default time a new dispute gets, in business days. */
export const updateDisputeSettings = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ slaBusinessDays: number }> => {
  const v = parseInput(disputeSettingsInput, input);
  requireAdmin(actor);
  await withTenant(deps.db.sql, actor.orgId, (tx) => updateDisputeSlaDays(tx, v.slaBusinessDays));
  return v;
};
