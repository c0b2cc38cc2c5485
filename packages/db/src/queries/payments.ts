import type { TenantTx } from "../database.ts";

export interface NewPayment {
  orgId: string;
  dedupeKey: string;
  statementId: string | null;
  bookingDate: string;
  valueDate: string | null;
  amountMinor: number;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  reference: string | null;
  remittanceText: string | null;
  xmlPath: string | null;
  source: "camt" | "manual";
}

/** The statement row (created once; a second import of the same statement finds it). */
export const upsertBankStatement = async (
  tx: TenantTx,
  s: { orgId: string; kind: "053" | "054"; statementId: string; iban: string | null; createdAtBank: string | null },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into bank_statements (org_id, kind, statement_id, account_iban, created_at_bank)
    values (${s.orgId}, ${s.kind}, ${s.statementId}, ${s.iban}, ${s.createdAtBank}::timestamptz)
    on conflict (org_id, kind, statement_id) do update set imported_at = now()
    returning id`;
  return row!.id;
};

/** Inserts a payment unless its dedupe key is known: null means "already booked". */
export const insertPaymentIfNew = async (tx: TenantTx, p: NewPayment): Promise<string | null> => {
  const [row] = await tx<{ id: string }[]>`
    insert into payments (org_id, source, dedupe_key, statement_id, booking_date, value_date, amount_minor, currency,
                          payer_name, payer_iban, reference, remittance_text, xml_path)
    values (${p.orgId}, ${p.source}, ${p.dedupeKey}, ${p.statementId}, ${p.bookingDate}, ${p.valueDate}, ${p.amountMinor},
            ${p.currency}, ${p.payerName}, ${p.payerIban}, ${p.reference}, ${p.remittanceText}, ${p.xmlPath})
    on conflict (org_id, dedupe_key) do nothing
    returning id`;
  return row?.id ?? null;
};

export interface CandidateInvoiceRow {
  id: string;
  debtorId: string;
  number: string;
  paymentReference: string | null;
  openMinor: number;
  currency: string;
  dueDate: string;
  issueDate: string;
}

export interface CandidateDebtorRow {
  id: string;
  name: string;
  ibans: string[];
}

const invoiceColumns = (tx: TenantTx) => tx`
  i.id, i.debtor_id as "debtorId", i.number, i.payment_reference as "paymentReference", i.open_minor as "openMinor",
  i.currency, i.due_date as "dueDate", i.issue_date as "issueDate"`;

/**
 * `references` are compared as given (plain equality, so the indexes serve them): pass each token as written and
 * upper-cased. What the matching rules need for one payment, and no more: open invoices of the currency hit by a reference, an
 * invoice number in the text or the exact amount; the debtors the payer may be (by IBAN or by a word of the name);
 * and those debtors' other open invoices, for combinations. Rows are locked for the allocation that may follow.
 */
export const findMatchingCandidates = async (
  tx: TenantTx,
  q: { currency: string; amountMinor: number; references: string[]; payerIban: string | null; nameWords: string[] },
): Promise<{ invoices: CandidateInvoiceRow[]; debtors: CandidateDebtorRow[] }> => {
  const direct = await tx<CandidateInvoiceRow[]>`
    select ${invoiceColumns(tx)} from invoices i
    where i.kind = 'invoice' and i.open_minor > 0 and i.currency = ${q.currency}
      and (i.payment_reference = any(${q.references}) or i.number = any(${q.references}) or i.open_minor = ${q.amountMinor})
    order by i.due_date, i.id limit 200 for update`;
  const patterns = q.nameWords.map((w) => `%${w}%`);
  const debtors = await tx<CandidateDebtorRow[]>`
    select d.id, d.name, coalesce(array_agg(di.iban) filter (where di.iban is not null), '{}') as ibans
    from debtors d left join debtor_ibans di on di.debtor_id = d.id
    where d.id = any(${[...new Set(direct.map((i) => i.debtorId))]}::uuid[])
       or d.id in (select debtor_id from debtor_ibans where iban = ${q.payerIban ?? ""})
       or (cardinality(${patterns}::text[]) > 0 and d.name ilike all(${patterns}::text[]))
    group by d.id, d.name limit 50`;
  const payerDebtors = debtors.filter((d) => !direct.some((i) => i.debtorId === d.id)).map((d) => d.id);
  const theirs =
    payerDebtors.length === 0
      ? []
      : await tx<CandidateInvoiceRow[]>`
          select ${invoiceColumns(tx)} from invoices i
          where i.debtor_id = any(${payerDebtors}::uuid[]) and i.kind = 'invoice' and i.open_minor > 0 and i.currency = ${q.currency}
          order by i.due_date, i.id limit 200 for update`;
  const byId = new Map([...direct, ...theirs].map((i) => [i.id, i]));
  // the debtors of combination candidates also need their other open invoices
  const directDebtors = [...new Set(direct.map((i) => i.debtorId))];
  if (directDebtors.length > 0 && directDebtors.length <= 5) {
    const more = await tx<CandidateInvoiceRow[]>`
      select ${invoiceColumns(tx)} from invoices i
      where i.debtor_id = any(${directDebtors}::uuid[]) and i.kind = 'invoice' and i.open_minor > 0 and i.currency = ${q.currency}
      order by i.due_date, i.id limit 200 for update`;
    for (const i of more) byId.set(i.id, i);
  }
  return { invoices: [...byId.values()], debtors };
};

export interface NewAllocation {
  orgId: string;
  paymentId: string;
  invoiceId: string;
  amountMinor: number;
  rule: "reference" | "amount-payer" | "combination" | "free-text" | "manual";
  createdBy: string | null;
}

/** Records allocations and takes them off the invoices' open amounts, in the caller's transaction; returns their ids. */
export const applyAllocations = async (tx: TenantTx, allocations: NewAllocation[]): Promise<string[]> => {
  const ids: string[] = [];
  for (const a of allocations) {
    const updated = await tx`
      update invoices set open_minor = open_minor - ${a.amountMinor}, updated_at = now()
      where id = ${a.invoiceId} and kind = 'invoice' and open_minor >= ${a.amountMinor} returning id`;
    if (updated.length !== 1) throw new Error(`Invoice ${a.invoiceId} cannot take ${a.amountMinor} more`);
    const [row] = await tx<{ id: string }[]>`
      insert into payment_allocations (org_id, payment_id, invoice_id, amount_minor, rule, created_by)
      values (${a.orgId}, ${a.paymentId}, ${a.invoiceId}, ${a.amountMinor}, ${a.rule}, ${a.createdBy}) returning id`;
    ids.push(row!.id);
  }
  return ids;
};

/** Remembers the account a debtor paid from, for the amount + payer rule next time. */
export const rememberDebtorIban = async (tx: TenantTx, orgId: string, debtorId: string, iban: string): Promise<void> => {
  await tx`insert into debtor_ibans (org_id, debtor_id, iban) values (${orgId}, ${debtorId}, ${iban}) on conflict do nothing`;
};
