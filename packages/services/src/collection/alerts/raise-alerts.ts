import {
  insertAlertsIfNew, listCollectorIds, selectDueActionsForAlerts, selectNewlyOverdue, selectOpenCaseProceedings, selectPrescriptionCandidates,
  selectPromisesForAlerts, withTenant, type AlertRow, type NewAlert, type TenantTx,
} from "@relance/db";
import {
  addDays, approachingPrescription, injonctionAlert, prescriptionCandidateCutoff, schkgContinuationAlert,
  type AlertKind, type CollectionAlert, type PrescriptionEvent,
} from "@relance/domain";
import type { ServiceDeps } from "../../deps.ts";

/** Invoices that fell due within this many days are alerted once (a missed daily run does not lose them). */
const OVERDUE_LOOKBACK_DAYS = 7;
const BROKEN_LOOKBACK_MS = 7 * 86_400_000;

export const toCollectionAlert = (row: AlertRow): CollectionAlert => ({
  id: row.id,
  kind: row.kind as AlertKind,
  caseId: row.caseId,
  debtorId: row.debtorId,
  debtorName: row.debtorName,
  dueOn: row.dueOn,
  payload: row.payload,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

interface Subject {
  caseId: string | null;
  debtorId: string;
  assigneeId: string | null;
}

/** Everything alert-worthy as of a date, addressed to the case's assignee or, unassigned, to every collector. */
const collectAlerts = async (tx: TenantTx, orgId: string, asOf: string, now: Date): Promise<NewAlert[]> => {
  const collectors = await listCollectorIds(tx);
  const alerts: NewAlert[] = [];
  const add = (subject: Subject, kind: AlertKind, dueOn: string, key: string, payload: Record<string, unknown>) => {
    for (const userId of subject.assigneeId ? [subject.assigneeId] : collectors) {
      alerts.push({ orgId, userId, kind, caseId: subject.caseId, debtorId: subject.debtorId, payload, dueOn, dedupeKey: `${kind}:${key}:${userId}` });
    }
  };

  for (const g of await selectNewlyOverdue(tx, addDays(asOf, -OVERDUE_LOOKBACK_DAYS), asOf)) {
    add(g, "due_date_passed", g.dueDate, `${g.debtorId}:${g.dueDate}:${g.currency}`, { invoices: g.invoices, openMinor: Number(g.openMinor), currency: g.currency });
  }
  for (const a of await selectDueActionsForAlerts(tx, asOf)) {
    add(a, "action_due", a.plannedFor, a.actionId, { actionId: a.actionId, channel: a.channel, level: a.level });
  }
  for (const p of await selectPromisesForAlerts(tx, asOf, new Date(now.getTime() - BROKEN_LOOKBACK_MS))) {
    const kind = p.status === "pending" ? "promise_due" : "promise_broken";
    add(p, kind, p.promisedFor, p.promiseId, { promiseId: p.promiseId, amountMinor: Number(p.amountMinor), currency: p.currency });
  }
  for (const i of await selectPrescriptionCandidates(tx, prescriptionCandidateCutoff(asOf))) {
    const events: PrescriptionEvent[] = [
      ...i.paymentDates.map((date) => ({ kind: "partial_payment" as const, date })),
      ...i.acknowledgmentDates.map((date) => ({ kind: "acknowledgment" as const, date })),
      ...i.courtDates.map((date) => ({ kind: "court_claim" as const, date })),
    ];
    const found = approachingPrescription({ jurisdiction: i.jurisdiction, segment: i.segment, dueDate: i.dueDate, events }, asOf);
    if (found) {
      add(i, "prescription_approaching", found.date, `${i.invoiceId}:${found.date}`, {
        invoice: i.number, openMinor: Number(i.openMinor), currency: i.currency, years: found.period.years, reference: found.period.reference,
      });
    }
  }
  for (const p of await selectOpenCaseProceedings(tx)) {
    const found = p.kind === "fr_injonction" ? injonctionAlert(p.issuedOn, p.servedOn, asOf) : schkgContinuationAlert(p.servedOn, p.mainleveeDays, asOf);
    if (found) add(p, found.kind, found.dueOn, `${p.proceedingId}:${found.dueOn}`, { ...found.payload, reference: p.reference });
  }
  return alerts;
};

/**
 * The daily alert check: raises each condition once per member however often it runs (alerts.dedupe_key), and
 * pushes the new alerts live to each member's sockets.
 */
export const raiseAlerts = async (deps: ServiceDeps, orgId: string, options: { asOf: string }): Promise<{ raised: number }> => {
  const created = await withTenant(deps.db.sql, orgId, async (tx) => insertAlertsIfNew(tx, await collectAlerts(tx, orgId, options.asOf, deps.clock.now())));
  const byUser = new Map<string, CollectionAlert[]>();
  for (const row of created) {
    if (row.userId === null) continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), toCollectionAlert(row)]);
  }
  for (const [userId, alerts] of byUser) deps.events?.emit({ type: "alerts.raised", orgId, userId, alerts });
  return { raised: created.length };
};
