import {
  findCaseDetail,
  listCaseOpenInvoices,
  listPendingPromisesOfCase,
  listTimelineEvents,
  withTenant,
  type CaseDetailRow,
  type CaseInvoiceRow,
  type PromiseRow,
} from "@relance/db";
import type { Actor, ServiceDeps } from "../deps.ts";
import { caseIdInput, parseInput, timelineInput } from "./case-inputs.ts";
import { canSeeCase } from "./case-access.ts";
import { caseNotFound } from "./case-writers.ts";
import { readTimelinePage, type TimelinePage } from "./timeline-page.ts";

export interface CaseDetail extends Omit<CaseDetailRow, "salesOwnerId"> {
  openInvoices: CaseInvoiceRow[];
  /** Open amounts by currency (a debtor may owe in EUR and CHF). */
  totals: { currency: string; openMinor: number; invoiceCount: number }[];
  pendingPromises: PromiseRow[];
}

const totalsByCurrency = (invoices: CaseInvoiceRow[]) => {
  const totals = new Map<string, { currency: string; openMinor: number; invoiceCount: number }>();
  for (const i of invoices) {
    const t = totals.get(i.currency) ?? { currency: i.currency, openMinor: 0, invoiceCount: 0 };
    t.openMinor += i.openMinor;
    t.invoiceCount += 1;
    totals.set(i.currency, t);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
};

/** The case as its page shows it: header facts, open invoices with totals, pending promises. */
export const getCaseDetail = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<CaseDetail> => {
  const { caseId } = parseInput(caseIdInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await findCaseDetail(tx, caseId);
    if (!found || !(await canSeeCase(tx, actor, { id: caseId, salesOwnerId: found.salesOwnerId }))) throw caseNotFound();
    const { salesOwnerId: _owner, ...rest } = found;
    const openInvoices = await listCaseOpenInvoices(tx, found.debtorId);
    return { ...rest, openInvoices, totals: totalsByCurrency(openInvoices), pendingPromises: await listPendingPromisesOfCase(tx, caseId) };
  });
};

/** A page of the timeline, newest first; `nextBefore` asks for the page after it (null at the first event). */
export const listCaseTimeline = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<TimelinePage> => {
  const q = parseInput(timelineInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await findCaseDetail(tx, q.caseId);
    if (!found || !(await canSeeCase(tx, actor, { id: q.caseId, salesOwnerId: found.salesOwnerId }))) throw caseNotFound();
    return readTimelinePage(q.limit, (limit) => listTimelineEvents(tx, { caseId: q.caseId, before: q.before ?? null, limit }));
  });
};
