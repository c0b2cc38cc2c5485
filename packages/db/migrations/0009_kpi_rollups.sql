-- Receivables KPI rollups, kept current in the same transaction as the change that moves them, so that the live
-- dashboards read a few thousand small rows instead of a million invoices.
--
-- * kpi_open_rollup: open amount (invoices net of unused credit notes) and open item count per currency, due date,
--   sales owner, segment and jurisdiction. Totals, overdue and aging as of any date are GROUP BYs over due dates.
-- * kpi_sales_rollup: credit sales (invoices, less credit notes) per currency, issue date and the same dimensions,
--   for DSO and CEI over any period.
-- * kpi_ar_movements: every change of the open amount, dated (an invoice's opening on its issue date, every later
--   change on the day it is made), with its due date: the AR, and the AR not yet due, as of a past date. The base
--   tables keep no history, so only its sums per due date can be checked against them.
-- Each rollup holds its rows per sales owner and, flagged all_owners (owner null), summed over the owners: the
-- unfiltered dashboard (the usual one) reads as many times fewer rows as the tenant has sales reps.
--
-- Statement-level triggers with transition tables keep a bulk import set-based (one aggregate per statement). The
-- dimensions live on debtors: an invoice counts under its debtor's current owner, segment and jurisdiction, and a
-- debtor whose dimensions change moves its invoices' figures along. Writers hold a shared per-tenant advisory lock
-- until they commit; `relance kpi rebuild` takes it exclusively, so a repair never races a change.

ALTER TABLE organizations
  ADD COLUMN kpi_aging_edges integer[] NOT NULL DEFAULT '{0,30,60,90}'
    CHECK (cardinality(kpi_aging_edges) BETWEEN 1 AND 12 AND kpi_aging_edges[1] = 0);

CREATE TABLE kpi_open_rollup (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  currency text NOT NULL,
  due_date date NOT NULL,
  -- true: the row sums every owner (sales_owner_id null), read when no owner filter is set (20 reps: 20× fewer rows)
  all_owners boolean NOT NULL DEFAULT false,
  sales_owner_id uuid,
  segment text NOT NULL,
  jurisdiction text NOT NULL,
  open_minor bigint NOT NULL,
  open_count bigint NOT NULL,
  CONSTRAINT kpi_open_rollup_key UNIQUE NULLS NOT DISTINCT (org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction)
);

CREATE TABLE kpi_sales_rollup (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  currency text NOT NULL,
  issue_date date NOT NULL,
  -- true: the row sums every owner (sales_owner_id null), read when no owner filter is set (20 reps: 20× fewer rows)
  all_owners boolean NOT NULL DEFAULT false,
  sales_owner_id uuid,
  segment text NOT NULL,
  jurisdiction text NOT NULL,
  sales_minor bigint NOT NULL,
  invoice_count bigint NOT NULL,
  CONSTRAINT kpi_sales_rollup_key UNIQUE NULLS NOT DISTINCT (org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction)
);

CREATE TABLE kpi_ar_movements (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  currency text NOT NULL,
  day date NOT NULL,
  due_date date NOT NULL,
  -- true: the row sums every owner (sales_owner_id null), read when no owner filter is set (20 reps: 20× fewer rows)
  all_owners boolean NOT NULL DEFAULT false,
  sales_owner_id uuid,
  segment text NOT NULL,
  jurisdiction text NOT NULL,
  delta_minor bigint NOT NULL,
  CONSTRAINT kpi_ar_movements_key UNIQUE NULLS NOT DISTINCT (org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction)
);

SELECT relance_isolate_tenant_table(t)
FROM unnest(ARRAY['kpi_open_rollup', 'kpi_sales_rollup', 'kpi_ar_movements']::regclass[]) AS t;

-- The owner (migrations, the CLI's rebuild, bulk loads run as the owner) maintains rollups of every tenant.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON kpi_open_rollup TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY system_access ON kpi_sales_rollup TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY system_access ON kpi_ar_movements TO %I USING (true) WITH CHECK (true)', current_user);
END $$;

-- The advisory lock key of a tenant's KPIs.
CREATE FUNCTION kpi_lock_key(org uuid) RETURNS bigint
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT hashtextextended('relance.kpi:' || org::text, 0) $$;

-- The statement applying signed rows (one per invoice state: +1 the new state, −1 the old one) to the three rollups.
-- The rows come from a query text over the trigger's transition tables, with the columns org_id, currency, due_date,
-- issue_date, amount_minor, open_minor, sales_owner_id, segment, jurisdiction, sign, day. The trigger function itself
-- must EXECUTE it: transition tables are visible there only, not in a function it calls.
CREATE FUNCTION kpi_apply_signed_rows_sql(source text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$
  SELECT format($q$
    WITH signed_rows AS (%s),
    signed AS (
      SELECT org_id, currency, due_date, issue_date, amount_minor, open_minor, false AS all_owners, sales_owner_id, segment,
             jurisdiction, sign, day FROM signed_rows
      UNION ALL
      SELECT org_id, currency, due_date, issue_date, amount_minor, open_minor, true, NULL::uuid, segment, jurisdiction, sign, day
      FROM signed_rows
    ),
    locks AS (
      SELECT pg_advisory_xact_lock_shared(kpi_lock_key(org_id)) FROM (SELECT DISTINCT org_id FROM signed_rows) o
    ),
    open_delta AS (
      SELECT org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction,
             sum(sign * open_minor) AS open_minor, sum(sign * (open_minor <> 0)::int) AS open_count
      FROM signed GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(sign * open_minor) <> 0 OR sum(sign * (open_minor <> 0)::int) <> 0
    ),
    open_up AS (
      INSERT INTO kpi_open_rollup AS r (org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction, open_minor, open_count)
      SELECT * FROM open_delta WHERE (SELECT count(*) FROM locks) >= 0
      ON CONFLICT ON CONSTRAINT kpi_open_rollup_key DO UPDATE
        SET open_minor = r.open_minor + excluded.open_minor, open_count = r.open_count + excluded.open_count
    ),
    sales_delta AS (
      SELECT org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction,
             sum(sign * amount_minor) AS sales_minor, sum(sign * (amount_minor > 0)::int) AS invoice_count
      FROM signed GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(sign * amount_minor) <> 0 OR sum(sign * (amount_minor > 0)::int) <> 0
    ),
    sales_up AS (
      INSERT INTO kpi_sales_rollup AS r (org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction, sales_minor, invoice_count)
      SELECT * FROM sales_delta WHERE (SELECT count(*) FROM locks) >= 0
      ON CONFLICT ON CONSTRAINT kpi_sales_rollup_key DO UPDATE
        SET sales_minor = r.sales_minor + excluded.sales_minor, invoice_count = r.invoice_count + excluded.invoice_count
    )
    INSERT INTO kpi_ar_movements AS r (org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, delta_minor)
    SELECT org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, sum(sign * open_minor)
    FROM signed WHERE (SELECT count(*) FROM locks) >= 0
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(sign * open_minor) <> 0
    ON CONFLICT ON CONSTRAINT kpi_ar_movements_key DO UPDATE SET delta_minor = r.delta_minor + excluded.delta_minor
  $q$, source)
$fn$;

-- The columns of one invoice state under its debtor's current dimensions.
CREATE FUNCTION kpi_invoice_rows_sql(transition text, sign integer, day_expr text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT format('SELECT t.org_id, t.currency, t.due_date, t.issue_date, t.amount_minor, t.open_minor, d.sales_owner_id,
                          d.segment, d.jurisdiction, %s AS sign, %s AS day
                   FROM %I t JOIN debtors d ON d.id = t.debtor_id', sign, day_expr, transition)
  $$;

CREATE FUNCTION kpi_invoices_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- a new invoice has been receivable since it was issued
    EXECUTE kpi_apply_signed_rows_sql(kpi_invoice_rows_sql('kpi_new', 1, 't.issue_date'));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE kpi_apply_signed_rows_sql(kpi_invoice_rows_sql('kpi_old', -1, 'greatest(current_date, t.issue_date)'));
  ELSE
    -- only the rows whose figures or keys changed (a re-import mostly rewrites unchanged rows)
    EXECUTE kpi_apply_signed_rows_sql(format(
      'WITH changed AS (
         SELECT o.id FROM kpi_old o JOIN kpi_new n ON n.id = o.id
         WHERE (o.currency, o.due_date, o.issue_date, o.amount_minor, o.open_minor, o.debtor_id)
               IS DISTINCT FROM (n.currency, n.due_date, n.issue_date, n.amount_minor, n.open_minor, n.debtor_id)
       ) %s WHERE t.id IN (SELECT id FROM changed) UNION ALL %s WHERE t.id IN (SELECT id FROM changed)',
      kpi_invoice_rows_sql('kpi_old', -1, 'greatest(current_date, t.issue_date)'),
      kpi_invoice_rows_sql('kpi_new', 1, 'greatest(current_date, t.issue_date)')));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER kpi_invoices_inserted AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS kpi_new FOR EACH STATEMENT EXECUTE FUNCTION kpi_invoices_changed();
CREATE TRIGGER kpi_invoices_updated AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new FOR EACH STATEMENT EXECUTE FUNCTION kpi_invoices_changed();
CREATE TRIGGER kpi_invoices_deleted AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS kpi_old FOR EACH STATEMENT EXECUTE FUNCTION kpi_invoices_changed();

-- A debtor whose owner, segment or jurisdiction changes takes its invoices' figures to the new dimensions.
CREATE FUNCTION kpi_debtors_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE kpi_apply_signed_rows_sql(
    'WITH moved AS (
       SELECT o.id, o.sales_owner_id AS o_owner, o.segment AS o_segment, o.jurisdiction AS o_jurisdiction,
              n.sales_owner_id AS n_owner, n.segment AS n_segment, n.jurisdiction AS n_jurisdiction
       FROM kpi_old o JOIN kpi_new n ON n.id = o.id
       WHERE (o.sales_owner_id, o.segment, o.jurisdiction) IS DISTINCT FROM (n.sales_owner_id, n.segment, n.jurisdiction)
     )
     SELECT i.org_id, i.currency, i.due_date, i.issue_date, i.amount_minor, i.open_minor, m.o_owner AS sales_owner_id,
            m.o_segment AS segment, m.o_jurisdiction AS jurisdiction, -1 AS sign, greatest(current_date, i.issue_date) AS day
     FROM moved m JOIN invoices i ON i.debtor_id = m.id
     UNION ALL
     SELECT i.org_id, i.currency, i.due_date, i.issue_date, i.amount_minor, i.open_minor, m.n_owner, m.n_segment,
            m.n_jurisdiction, 1, greatest(current_date, i.issue_date)
     FROM moved m JOIN invoices i ON i.debtor_id = m.id');
  RETURN NULL;
END $$;

CREATE TRIGGER kpi_debtors_updated AFTER UPDATE ON debtors
  REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new FOR EACH STATEMENT EXECUTE FUNCTION kpi_debtors_changed();

-- Deleting a debtor deletes its invoices first, while the debtor (and so its dimensions) can still be read; when the
-- whole tenant goes, its rollups go with it and there is nothing to subtract.
CREATE FUNCTION kpi_debtor_deleting() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM organizations WHERE id = OLD.org_id) THEN
    DELETE FROM invoices WHERE org_id = OLD.org_id AND debtor_id = OLD.id;
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER kpi_debtor_deleting BEFORE DELETE ON debtors FOR EACH ROW EXECUTE FUNCTION kpi_debtor_deleting();

-- Backfill for the invoices already there, per owner and for all owners.
INSERT INTO kpi_open_rollup (org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction, open_minor, open_count)
SELECT i.org_id, i.currency, i.due_date, l.all_owners, CASE WHEN l.all_owners THEN NULL ELSE d.sales_owner_id END, d.segment, d.jurisdiction,
       sum(i.open_minor), count(*) FILTER (WHERE i.open_minor <> 0)
FROM invoices i JOIN debtors d ON d.id = i.debtor_id CROSS JOIN (VALUES (false), (true)) l (all_owners)
GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(i.open_minor) <> 0 OR count(*) FILTER (WHERE i.open_minor <> 0) <> 0;

INSERT INTO kpi_sales_rollup (org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction, sales_minor, invoice_count)
SELECT i.org_id, i.currency, i.issue_date, l.all_owners, CASE WHEN l.all_owners THEN NULL ELSE d.sales_owner_id END, d.segment, d.jurisdiction,
       sum(i.amount_minor), count(*) FILTER (WHERE i.amount_minor > 0)
FROM invoices i JOIN debtors d ON d.id = i.debtor_id CROSS JOIN (VALUES (false), (true)) l (all_owners)
GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(i.amount_minor) <> 0 OR count(*) FILTER (WHERE i.amount_minor > 0) <> 0;

INSERT INTO kpi_ar_movements (org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, delta_minor)
SELECT i.org_id, i.currency, i.issue_date, i.due_date, l.all_owners, CASE WHEN l.all_owners THEN NULL ELSE d.sales_owner_id END, d.segment,
       d.jurisdiction, sum(i.open_minor)
FROM invoices i JOIN debtors d ON d.id = i.debtor_id CROSS JOIN (VALUES (false), (true)) l (all_owners)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(i.open_minor) <> 0;

-- Collector activity and promise figures read the collection tables by date.
CREATE INDEX IF NOT EXISTS payment_allocations_created_idx ON payment_allocations (org_id, created_at);
CREATE INDEX IF NOT EXISTS timeline_events_occurred_idx ON timeline_events (org_id, occurred_at);
