import type { TenantTx } from "../database.ts";

/**
 * Records a credit note issued in Relance (a settled dispute) as an invoice row of kind `credit_note`. Accounting does
 * not know it yet: its accounting open amount is its full (negative) amount as of today, and it is fully used by the
 * allocations that follow, so its own open amount ends at zero ("credited").
 */
export const insertCreditNote = async (
  tx: TenantTx,
  c: { orgId: string; debtorId: string; number: string; externalId: string; currency: string; amountMinor: number; issueDate: string },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into invoices (org_id, debtor_id, number, external_id, kind, issue_date, due_date, currency, amount_minor, open_minor,
                          accounting_open_minor, accounting_as_of)
    values (${c.orgId}, ${c.debtorId}, ${c.number}, ${c.externalId}, 'credit_note', ${c.issueDate}, ${c.issueDate}, ${c.currency},
            ${-c.amountMinor}, ${-c.amountMinor}, ${-c.amountMinor}, ${c.issueDate})
    returning id`;
  return row!.id;
};

/**
 * Uses a credit note against invoices: each allocation takes its amount off the invoice's open amount and off the
 * credit note's (towards zero), like a payment allocation. Throws when an invoice has less open than asked.
 */
export const allocateCreditNote = async (
  tx: TenantTx,
  a: { orgId: string; creditNoteId: string; disputeId: string | null; createdBy: string | null; parts: readonly { invoiceId: string; amountMinor: number }[] },
): Promise<void> => {
  for (const part of a.parts) {
    const updated = await tx`
      update invoices set open_minor = open_minor - ${part.amountMinor}, credited_minor = credited_minor + ${part.amountMinor}, updated_at = now()
      where id = ${part.invoiceId} and kind = 'invoice' and open_minor >= ${part.amountMinor} returning id`;
    if (updated.length !== 1) throw new Error(`Invoice ${part.invoiceId} cannot take a credit of ${part.amountMinor}`);
    const credited = await tx`
      update invoices set open_minor = open_minor + ${part.amountMinor}, updated_at = now()
      where id = ${a.creditNoteId} and kind = 'credit_note' and open_minor + ${part.amountMinor} <= 0 returning id`;
    if (credited.length !== 1) throw new Error(`Credit note ${a.creditNoteId} has less than ${part.amountMinor} left`);
    await tx`
      insert into credit_note_allocations (org_id, credit_note_id, invoice_id, amount_minor, dispute_id, created_by)
      values (${a.orgId}, ${a.creditNoteId}, ${part.invoiceId}, ${part.amountMinor}, ${a.disputeId}, ${a.createdBy})`;
  }
};
