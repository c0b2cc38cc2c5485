-- Importing open items, continued: the rollup trigger summed the statement's invoices three times (one GROUP BY per
-- rollup), each over twice the rows (every invoice once per owner and once for all owners): 200 000 rows three
-- times for a 100 000-row chunk. The signed rows are now summed once by the finest key the three rollups share
-- (tenant, currency, due and issue dates, day, owner, segment, jurisdiction), usually a few thousand groups, and the
-- three rollups are summed from those partial sums. Sums of partial sums are the same sums, so every rollup row gets
-- the same delta as before; the property test holding the rollups equal to a full recompute still applies.
CREATE OR REPLACE FUNCTION kpi_apply_signed_rows_sql(source text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$
  SELECT format($q$
    WITH signed_rows AS (%s),
    partial AS (
      SELECT org_id, currency, due_date, issue_date, day, sales_owner_id, segment, jurisdiction,
             sum(sign * open_minor) AS open_minor, sum(sign * (open_minor <> 0)::int) AS open_count,
             sum(sign * amount_minor) AS sales_minor, sum(sign * (amount_minor > 0)::int) AS invoice_count
      FROM signed_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ),
    signed AS (
      SELECT org_id, currency, due_date, issue_date, day, false AS all_owners, sales_owner_id, segment, jurisdiction,
             open_minor, open_count, sales_minor, invoice_count FROM partial
      UNION ALL
      SELECT org_id, currency, due_date, issue_date, day, true, NULL::uuid, segment, jurisdiction,
             open_minor, open_count, sales_minor, invoice_count FROM partial
    ),
    locks AS (
      SELECT pg_advisory_xact_lock_shared(kpi_lock_key(org_id)) FROM (SELECT DISTINCT org_id FROM partial) o
    ),
    open_delta AS (
      SELECT org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction,
             sum(open_minor) AS open_minor, sum(open_count) AS open_count
      FROM signed GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(open_minor) <> 0 OR sum(open_count) <> 0
    ),
    open_up AS (
      INSERT INTO kpi_open_rollup AS r (org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction, open_minor, open_count)
      SELECT * FROM open_delta WHERE (SELECT count(*) FROM locks) >= 0
      ON CONFLICT ON CONSTRAINT kpi_open_rollup_key DO UPDATE
        SET open_minor = r.open_minor + excluded.open_minor, open_count = r.open_count + excluded.open_count
    ),
    sales_delta AS (
      SELECT org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction,
             sum(sales_minor) AS sales_minor, sum(invoice_count) AS invoice_count
      FROM signed GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(sales_minor) <> 0 OR sum(invoice_count) <> 0
    ),
    sales_up AS (
      INSERT INTO kpi_sales_rollup AS r (org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction, sales_minor, invoice_count)
      SELECT * FROM sales_delta WHERE (SELECT count(*) FROM locks) >= 0
      ON CONFLICT ON CONSTRAINT kpi_sales_rollup_key DO UPDATE
        SET sales_minor = r.sales_minor + excluded.sales_minor, invoice_count = r.invoice_count + excluded.invoice_count
    )
    INSERT INTO kpi_ar_movements AS r (org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, delta_minor)
    SELECT org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, sum(open_minor)
    FROM signed WHERE (SELECT count(*) FROM locks) >= 0
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(open_minor) <> 0
    ON CONFLICT ON CONSTRAINT kpi_ar_movements_key DO UPDATE SET delta_minor = r.delta_minor + excluded.delta_minor
  $q$, source)
$fn$;
