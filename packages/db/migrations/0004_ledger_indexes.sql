-- Indexes for the ledger's read screens (invoice list, debtor list and page), sized for 1M invoices and 50k debtors
-- in one tenant.
--
-- Under row-level security PostgreSQL turns a query's condition into an index condition only when its operator is
-- leakproof (=, <, <=, >=, ~>=~, ~<~ …), never LIKE or ILIKE: the queries search prefixes with ~>=~ / ~<~ ranges,
-- which the text_pattern_ops indexes serve.

-- The default invoice view (open items by due date, or by days past due, its reverse) and the aging filters, paged;
-- it supersedes invoices_due_idx, which lacked the id tie-break of a stable order.
CREATE INDEX invoices_open_due_idx ON invoices (org_id, due_date, id) WHERE open_minor <> 0;
DROP INDEX IF EXISTS invoices_due_idx;
-- Every invoice by due date, when the list shows settled items too.
CREATE INDEX invoices_due_all_idx ON invoices (org_id, due_date, id);

-- Open items by open amount (largest first or last).
CREATE INDEX invoices_open_amount_idx ON invoices (org_id, open_minor, id) WHERE open_minor <> 0;

-- A debtor's open items and balances (debtor list sorted by balance, "only overdue" filter, a sales rep's invoices,
-- the debtor's page), read from the index alone.
CREATE INDEX invoices_open_debtor_idx ON invoices (org_id, debtor_id, due_date) INCLUDE (open_minor, currency)
  WHERE open_minor <> 0;

-- Prefix search on the invoice number and the accounting system's id.
CREATE INDEX invoices_number_prefix_idx ON invoices (org_id, number text_pattern_ops);
CREATE INDEX invoices_external_prefix_idx ON invoices (org_id, external_id text_pattern_ops);

-- A sales rep's book, and the owner filter.
CREATE INDEX debtors_sales_owner_idx ON debtors (org_id, sales_owner_id, name);
