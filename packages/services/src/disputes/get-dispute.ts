import {
  ensureDisputeReasons, findCaseDetail, listDisputeIntervals, listMembers, listDisputeInvoices, listDisputeParticipants, listDisputesOfCase, withTenant,
  type DisputeIntervalRow, type DisputeInvoiceRow, type DisputeParticipantRow, type DisputeRow, type TenantTx,
} from "@relance/db";
import {
  allowedDisputeTransitions, currentWait, DEFAULT_DISPUTE_REASONS, disputeDocumentName, DISPUTE_WRITERS, hasRole, isDisputeOverdue, mayResolveDispute, waitingTimeByParty,
  type DisputeStatus, type WaitingParty, type WaitingTimes,
} from "@relance/domain";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { findAccessibleCaseTx } from "../cases/case-access.ts";
import { caseIdInput, parseInput } from "../cases/case-inputs.ts";
import { findAccessibleDisputeTx, requireDisputeWriter } from "./dispute-access.ts";
import { disputeIdInput } from "./dispute-inputs.ts";

export interface DisputeView extends Omit<DisputeRow, "status"> {
  status: DisputeStatus;
  invoices: Omit<DisputeInvoiceRow, "disputeId">[];
  participants: Omit<DisputeParticipantRow, "disputeId">[];
  intervals: { status: DisputeStatus; from: Date; to: Date | null }[];
  /** Time waited on each party so far, up to the service's clock. */
  waitingMs: WaitingTimes;
  /** Who it waits on now, and since when: the screen ticks this clock on. */
  waitingNow: { party: WaitingParty; since: Date } | null;
  /** Past its due date and unresolved. */
  overdue: boolean;
  /** What the viewer may do with it. */
  allowedTransitions: DisputeStatus[];
  mayResolve: boolean;
  mayEdit: boolean;
  /** The collaborative notes document of the dispute. */
  notesDocument: string;
}

const groupBy = <T extends { disputeId: string }>(rows: T[]): Map<string, Omit<T, "disputeId">[]> => {
  const groups = new Map<string, Omit<T, "disputeId">[]>();
  for (const { disputeId, ...rest } of rows) {
    const list = groups.get(disputeId) ?? [];
    list.push(rest);
    groups.set(disputeId, list);
  }
  return groups;
};

const buildViews = async (tx: TenantTx, deps: ServiceDeps, actor: Actor, disputes: DisputeRow[]): Promise<DisputeView[]> => {
  const ids = disputes.map((d) => d.id);
  if (ids.length === 0) return [];
  const invoices = groupBy(await listDisputeInvoices(tx, ids));
  const participants = groupBy(await listDisputeParticipants(tx, ids));
  const intervals = groupBy<DisputeIntervalRow>(await listDisputeIntervals(tx, ids));
  const now = deps.clock.now();
  const today = calendarDate(now);
  const writer = hasRole(actor.role, DISPUTE_WRITERS);
  return disputes.map((d) => {
    const stretches = (intervals.get(d.id) ?? []).map((i) => ({ status: i.status as DisputeStatus, from: i.startedAt, to: i.endedAt }));
    const status = d.status as DisputeStatus;
    return {
      ...d,
      status,
      invoices: invoices.get(d.id) ?? [],
      participants: participants.get(d.id) ?? [],
      intervals: stretches,
      waitingMs: waitingTimeByParty(stretches, now),
      waitingNow: currentWait(stretches),
      overdue: status !== "resolved" && isDisputeOverdue(d.dueDate, today),
      allowedTransitions: allowedDisputeTransitions(status, actor.role),
      mayResolve: mayResolveDispute(status, actor.role),
      mayEdit: writer && status !== "resolved",
      notesDocument: disputeDocumentName(d.id),
    };
  });
};

export const getDispute = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DisputeView> => {
  const { disputeId } = parseInput(disputeIdInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const dispute = await findAccessibleDisputeTx(tx, actor, disputeId);
    return (await buildViews(tx, deps, actor, [dispute]))[0]!;
  });
};

/** The case's disputes, unresolved first: anyone who sees the case sees them. */
export const listCaseDisputes = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DisputeView[]> => {
  const { caseId } = parseInput(caseIdInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await findAccessibleCaseTx(tx, actor, caseId);
    return buildViews(tx, deps, actor, await listDisputesOfCase(tx, caseId));
  });
};

/** What the "open a dispute" form offers: the case's open invoices (with those already disputed marked) and members. */
export const disputeFormOptions = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const { caseId } = parseInput(caseIdInput, input);
  requireDisputeWriter(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await findAccessibleCaseTx(tx, actor, caseId);
    const found = (await findCaseDetail(tx, caseId))!;
    await ensureDisputeReasons(tx, actor.orgId, DEFAULT_DISPUTE_REASONS);
    const members = (await listMembers(tx)).map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role }));
    return { debtorId: found.debtorId, members };
  });
};
