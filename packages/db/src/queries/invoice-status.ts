import type { TenantTx } from "../database.ts";

/**
 * An invoice's status, derived from its amounts (`i` is the invoices alias); the one definition every ledger query
 * uses. A credit note stays `open` until fully used; an invoice closed with a write-off is `written_off`, one a credit
 * note issued in Relance closed (a settled dispute) is `credited`, else `paid`.
 */
export const invoiceStatusSql = (tx: TenantTx) => tx`
  case
    when i.kind = 'credit_note' and i.open_minor = 0 then 'credited'
    when i.kind = 'credit_note' then 'open'
    when i.open_minor = 0 and i.written_off_minor > 0 then 'written_off'
    when i.open_minor = 0 and i.credited_minor > 0 then 'credited'
    when i.open_minor = 0 then 'paid'
    when i.open_minor < i.amount_minor then 'partially_paid'
    else 'open'
  end`;

/** Calendar days from the due date to `asOf` (0 on the due date), for open items only; null once settled. */
export const daysPastDueSql = (tx: TenantTx, asOf: string) => tx`
  case when i.open_minor <> 0 then ${asOf}::date - i.due_date end`;
