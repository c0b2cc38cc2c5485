import type { TenantTx } from "../database.ts";
import type { UpsertCounts } from "./open-items.ts";

/**
 * The ledger side of one chunk of an open-items import: debtors, then invoices, upserted set-based from the staging
 * table `import_open_items`. A row whose values would not change is not written at all, so re-importing an unchanged
 * file costs reads only (no new row versions, index entries, WAL or rollup deltas). An invoice this transaction has
 * already written (a duplicated id in an earlier chunk) is left as that first line wrote it.
 */
export const applyOpenItemsChunk = async (
  tx: TenantTx,
  opts: { orgId: string; asOf: string; updateDebtors: boolean; analyze: boolean },
): Promise<Pick<UpsertCounts, "debtorsCreated" | "invoicesCreated">> => {
  const { orgId, asOf, updateDebtors } = opts;
  // the first chunk's statistics serve the next ones, which look alike (a truncate keeps them)
  if (opts.analyze) await tx`analyze import_open_items`;
  // a debtor's values as this chunk would leave them, `current` being the row there now (`excluded` the chunk's)
  const next = (current: string, given: string) => {
    const keep = (column: string) => tx.unsafe(updateDebtors ? `${given}.${column}` : `${current}.${column}`);
    return tx`(${keep("name")}, ${keep("country")}, ${keep("segment")}, ${keep("jurisdiction")},
      coalesce(${tx.unsafe(given)}.identifier, ${tx.unsafe(current)}.identifier), coalesce(${tx.unsafe(given)}.email, ${tx.unsafe(current)}.email),
      ${keep("language")}, ${keep("payment_terms_days")})`;
  };
  const now = (current: string) =>
    tx.unsafe(`(${["name", "country", "segment", "jurisdiction", "identifier", "email", "language", "payment_terms_days"].map((c) => `${current}.${c}`).join(", ")})`);
  const [debtors] = await tx<{ created: number }[]>`
    with src as (
      select distinct on (debtor_external_id) debtor_external_id as external_id, debtor_name as name, debtor_country as country,
             debtor_segment as segment, case when debtor_country = 'CH' then 'CH' else 'FR' end as jurisdiction,
             debtor_identifier as identifier, debtor_email as email, coalesce(debtor_language, 'fr') as language,
             coalesce(debtor_terms, 30) as payment_terms_days
      from import_open_items order by debtor_external_id, line desc
    ), pending as (
      -- only the debtors that are new or would change: every chunk names most of a file's debtors again
      select s.* from src s left join debtors cur on cur.org_id = ${orgId}::uuid and cur.external_id = s.external_id
      where cur.id is null or ${now("cur")} is distinct from ${next("cur", "s")}
    ), up as (
      insert into debtors (org_id, external_id, name, country, segment, jurisdiction, identifier, email, language, payment_terms_days)
      select ${orgId}::uuid, external_id, name, country, segment, jurisdiction, identifier, email, language, payment_terms_days
      from pending
      on conflict (org_id, external_id) do update set
        (name, country, segment, jurisdiction, identifier, email, language, payment_terms_days) = ${next("debtors", "excluded")},
        updated_at = now()
      where ${now("debtors")} is distinct from ${next("debtors", "excluded")}
      returning (xmax = 0) as created
    ) select count(*) filter (where created)::int as created from up`;

  // Accounting's open amount less what Relance settled after accounting's export date: payments matched here and
  // credit notes issued here (settled disputes), which accounting cannot know yet.
  const openMinor = tx`case when excluded.kind = 'invoice'
    then greatest(0, excluded.accounting_open_minor - (
      select coalesce(sum(a.amount_minor), 0) from payment_allocations a join payments p on p.id = a.payment_id
      where a.invoice_id = invoices.id and a.reversed_at is null and p.booking_date > excluded.accounting_as_of) - (
      select coalesce(sum(c.amount_minor), 0) from credit_note_allocations c join invoices cn on cn.id = c.credit_note_id
      where c.invoice_id = invoices.id and cn.issue_date > excluded.accounting_as_of))
    else excluded.accounting_open_minor end`;
  // without duplicates (the usual case) the chunk is read as is, sparing a sort of every row
  const [chunk] = await tx<{ hasDuplicates: boolean }[]>`
    select exists (select from import_open_items group by invoice_external_id having count(*) > 1) as "hasDuplicates"`;
  const source = chunk!.hasDuplicates
    ? tx`select distinct on (invoice_external_id) * from import_open_items order by invoice_external_id, line`
    : tx`select * from import_open_items`;
  const [invoices] = await tx<{ created: number }[]>`
    with src as (select s.*, row_number() over () as n from (${source}) s),
    started as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms),
    up as (
      insert into invoices (id, org_id, debtor_id, external_id, number, kind, issue_date, due_date, currency, amount_minor,
                            open_minor, accounting_open_minor, accounting_as_of, po_number, payment_reference)
      select ${timeOrderedId(tx)}, ${orgId}::uuid, d.id, s.invoice_external_id, s.number, s.kind, s.issue_date,
             s.due_date, s.currency, s.amount_minor, s.open_minor, s.open_minor, ${asOf}::date, s.po_number, s.payment_reference
      from src s join debtors d on d.org_id = ${orgId}::uuid and d.external_id = s.debtor_external_id cross join started
      on conflict (org_id, external_id) do update set
        debtor_id = excluded.debtor_id, number = excluded.number, kind = excluded.kind, issue_date = excluded.issue_date,
        due_date = excluded.due_date, currency = excluded.currency, amount_minor = excluded.amount_minor,
        accounting_open_minor = excluded.accounting_open_minor, accounting_as_of = excluded.accounting_as_of,
        po_number = excluded.po_number, payment_reference = excluded.payment_reference, updated_at = now(),
        open_minor = ${openMinor}
      where invoices.xmin <> pg_current_xact_id()::xid
        and (invoices.debtor_id, invoices.number, invoices.kind, invoices.issue_date, invoices.due_date, invoices.currency,
             invoices.amount_minor, invoices.accounting_open_minor, invoices.accounting_as_of, invoices.po_number,
             invoices.payment_reference, invoices.open_minor)
        is distinct from (excluded.debtor_id, excluded.number, excluded.kind, excluded.issue_date, excluded.due_date,
             excluded.currency, excluded.amount_minor, excluded.accounting_open_minor, excluded.accounting_as_of,
             excluded.po_number, excluded.payment_reference, ${openMinor})
      returning (xmax = 0) as created
    ) select count(*) filter (where created)::int as created from up`;
  return { debtorsCreated: debtors!.created, invoicesCreated: invoices!.created };
};

/**
 * A version-7 UUID (RFC 9562) from the statement's start in milliseconds and the row's rank `n` in the statement
 * (24 bits, then 50 random bits): one import's invoices get increasing ids, so the two indexes on the id take them
 * at their right edge instead of on a random page each, which writes far fewer pages (and page images to the WAL).
 */
const timeOrderedId = (tx: TenantTx) =>
  tx`encode(
    int8send((started.ms << 16) | 28672 | ((s.n >> 12) & 4095))
    || int8send((-9223372036854775808)::bigint | ((s.n & 4095) << 50) | floor(random() * 1125899906842624)::bigint),
    'hex')::uuid`;
