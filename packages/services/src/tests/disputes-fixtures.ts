import { insertCases, withTenant, type OrganizationRow } from "@relance/db";
import type { ServiceDeps } from "../deps.ts";
import { addDebtor, addInvoices, type InvoiceSpec } from "../testing/index.ts";
import { listReasons } from "../disputes/dispute-reasons.ts";
import type { Actor } from "../deps.ts";

/** A debtor (with an e-mail, so reminders can go out) with invoices and an open case. */
export const caseWithInvoices = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  invoices: InvoiceSpec[],
  options: { salesOwnerId?: string | null } = {},
): Promise<{ caseId: string; debtorId: string; invoiceIds: Record<string, string> }> => {
  const debtorId = await addDebtor(deps, org, { salesOwnerId: options.salesOwnerId ?? null });
  const invoiceIds = await addInvoices(deps, org, debtorId, invoices);
  const caseId = await withTenant(deps.db.sql, org.id, async (tx) => {
    await tx`update debtors set email = 'compta@client.example' where id = ${debtorId}`;
    const [id] = await insertCases(tx, [{ orgId: org.id, debtorId, stage: "reminder_1", assigneeId: null }]);
    return id!;
  });
  return { caseId, debtorId, invoiceIds };
};

export const reasonId = async (deps: ServiceDeps, actor: Actor, code = "price"): Promise<string> =>
  (await listReasons(deps, actor)).find((r) => r.code === code)!.id;

/** What disputes have written in a tenant: rows of each table, timeline entries and the invoices' open amounts. */
export const disputeFootprint = (deps: ServiceDeps, org: OrganizationRow) =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [row] = await tx<{ disputes: number; participants: number; intervals: number; events: number; creditNotes: number; open: number; grants: number }[]>`
      select (select count(*)::int from disputes) as disputes,
             (select count(*)::int from dispute_participants where removed_at is null) as participants,
             (select count(*)::int from dispute_status_intervals) as intervals,
             (select count(*)::int from timeline_events where kind = 'dispute') as events,
             (select count(*)::int from invoices where kind = 'credit_note') as "creditNotes",
             (select coalesce(sum(open_minor), 0)::int from invoices where kind = 'invoice') as open,
             (select count(*)::int from case_participants) as grants`;
    return row!;
  });

export const invoiceState = (deps: ServiceDeps, org: OrganizationRow, invoiceId: string) =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [row] = await tx<{ openMinor: number; amountMinor: number }[]>`select open_minor as "openMinor", amount_minor as "amountMinor" from invoices where id = ${invoiceId}`;
    return row!;
  });
