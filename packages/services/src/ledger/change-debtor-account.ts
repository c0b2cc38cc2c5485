import {
  appendTimelineEvent,
  findMemberNames,
  isSalesMember,
  listDebtorCasesHiddenFrom,
  setDebtorCreditLimit,
  setDebtorSalesOwner,
  type DebtorDetailRow,
  type TenantTx,
  type TimelineKind,
} from "@relance/db";
import { AppError } from "@relance/domain";
import { z } from "zod";
import { announceAccessRevoked } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { changeDebtor } from "./get-debtor-detail.ts";

export const assignDebtorOwnerInput = z.object({
  debtorId: z.uuid("Must be a valid id"),
  /** A sales rep of the tenant; null: nobody. */
  salesOwnerId: z.uuid("Must be a member's id").nullable(),
});

/** A change to the debtor, on his timeline and his open case's (the case page then refreshes: `case.changed`). */
const recordDebtorChange = (
  tx: TenantTx, deps: ServiceDeps, actor: Actor, debtor: DebtorDetailRow, kind: TimelineKind, payload: Record<string, unknown>,
) =>
  appendTimelineEvent(tx, { orgId: actor.orgId, debtorId: debtor.id, caseId: debtor.openCaseId, kind, payload, actorId: actor.userId, occurredAt: deps.clock.now() });

const notASalesRep = () =>
  new AppError("BAD_REQUEST", "salesOwnerId: not a sales rep of this organization", {
    key: "errors.invalidInput",
    fields: [{ path: "salesOwnerId", message: "Not a sales rep of this organization" }],
  });

/**
 * Gives a debtor to a sales rep (or to nobody). The rep then sees the debtor's cases; the one before loses those he
 * saw only as the owner, at once on his live connections too. The change is on the debtor's timeline (and his open
 * case's), and moves the dashboards' per-owner figures.
 */
export const assignDebtorOwner = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ changed: boolean }> => {
  const v = parseInput(assignDebtorOwnerInput, input);
  const outcome = await changeDebtor(deps, actor, v.debtorId, async (tx, debtor) => {
    if (v.salesOwnerId !== null && !(await isSalesMember(tx, v.salesOwnerId))) throw notASalesRep();
    const before = await setDebtorSalesOwner(tx, { debtorId: v.debtorId, salesOwnerId: v.salesOwnerId });
    if (!before) return null;
    const toName = v.salesOwnerId === null ? null : ((await findMemberNames(tx, [v.salesOwnerId])).get(v.salesOwnerId) ?? null);
    // names as they are now: the history keeps who it was at the time
    await recordDebtorChange(tx, deps, actor, debtor, "assignment", {
      field: "salesOwner", fromId: before.previousOwnerId, fromName: before.previousOwnerName, toId: v.salesOwnerId, toName,
    });
    const hidden = before.previousOwnerId === null ? [] : await listDebtorCasesHiddenFrom(tx, { debtorId: v.debtorId, userId: before.previousOwnerId });
    return { previousOwnerId: before.previousOwnerId, hidden, openCaseId: debtor.openCaseId };
  });
  if (!outcome) return { changed: false };
  for (const caseId of outcome.hidden) announceAccessRevoked(deps, actor.orgId, caseId, [outcome.previousOwnerId!]);
  if (outcome.openCaseId) emitEvent(deps, { type: "case.changed", orgId: actor.orgId, caseId: outcome.openCaseId });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  return { changed: true };
};

export const changeDebtorCreditLimitInput = z.object({
  debtorId: z.uuid("Must be a valid id"),
  /** In the tenant's currency, minor units; null: no limit. */
  creditLimitMinor: z.number().int("Must be a whole number of cents").min(0, "Must not be negative").max(1e13, "At most 100 billion").nullable(),
});

/**
 * Sets the credit limit a debtor is allowed (in the tenant's currency; null: none). No accounting export carries it,
 * so it is kept here; each change is on the debtor's timeline with the amounts before and after.
 */
export const changeDebtorCreditLimit = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ changed: boolean }> => {
  const v = parseInput(changeDebtorCreditLimitInput, input);
  const outcome = await changeDebtor(deps, actor, v.debtorId, async (tx, debtor) => {
    const before = await setDebtorCreditLimit(tx, { debtorId: v.debtorId, creditLimitMinor: v.creditLimitMinor });
    if (!before) return null;
    await recordDebtorChange(tx, deps, actor, debtor, "credit_limit", { fromMinor: before.previousMinor, toMinor: v.creditLimitMinor, currency: debtor.creditLimitCurrency });
    return { openCaseId: debtor.openCaseId };
  });
  if (!outcome) return { changed: false };
  if (outcome.openCaseId) emitEvent(deps, { type: "case.changed", orgId: actor.orgId, caseId: outcome.openCaseId });
  return { changed: true };
};
