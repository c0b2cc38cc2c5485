-- The receivables ledger: debtor details and contacts, invoices and credit notes with their external ids and
-- payment references, bank payments with allocations, bank statements, import runs with their rejected rows,
-- saved column mappings and saved views.
--
-- Open amounts: accounting is the source of truth up to the date of its last export (accounting_as_of); payments
-- matched in Relance after that date are subtracted. open_minor = accounting_open_minor - allocations after as-of
-- (maintained by the services in the same transaction as the change).

ALTER TABLE debtors
  ADD COLUMN email text,
  ADD COLUMN phone text,
  ADD COLUMN address_line1 text,
  ADD COLUMN address_line2 text,
  ADD COLUMN postal_code text,
  ADD COLUMN credit_limit_minor bigint CHECK (credit_limit_minor IS NULL OR credit_limit_minor >= 0),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE debtor_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  debtor_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL DEFAULT 'accounts_payable' CHECK (role IN ('accounts_payable', 'buyer', 'management', 'other')),
  email text,
  phone text,
  preferred_channel text NOT NULL DEFAULT 'email' CHECK (preferred_channel IN ('email', 'letter', 'sms', 'phone')),
  language text CHECK (language IN ('fr', 'en', 'de', 'it')),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE
);
CREATE INDEX debtor_contacts_debtor_idx ON debtor_contacts (org_id, debtor_id);

-- Accounts a debtor pays from, learnt from matched payments or entered by hand: the second matching rule.
CREATE TABLE debtor_ibans (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  debtor_id uuid NOT NULL,
  iban text NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
  PRIMARY KEY (org_id, iban, debtor_id),
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE
);

ALTER TABLE invoices
  ADD COLUMN external_id text,
  ADD COLUMN kind text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
  ADD COLUMN po_number text,
  ADD COLUMN payment_reference text,
  ADD COLUMN accounting_open_minor bigint,
  ADD COLUMN accounting_as_of date,
  ADD COLUMN written_off_minor bigint NOT NULL DEFAULT 0 CHECK (written_off_minor >= 0),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE invoices SET external_id = number, accounting_open_minor = open_minor, accounting_as_of = current_date;
ALTER TABLE invoices ALTER COLUMN external_id SET NOT NULL;
ALTER TABLE invoices ALTER COLUMN accounting_open_minor SET NOT NULL;
ALTER TABLE invoices ALTER COLUMN accounting_as_of SET NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT invoices_external_id_key UNIQUE (org_id, external_id);
-- the external id is the identity; an invoice number may repeat across journals (invoice and credit note)
ALTER TABLE invoices DROP CONSTRAINT invoices_org_id_number_key;
-- the composite key to the debtor already pins the tenant (debtors reference organizations): one check per row less
ALTER TABLE invoices DROP CONSTRAINT invoices_org_id_fkey;
CREATE INDEX invoices_reference_idx ON invoices (org_id, payment_reference) WHERE payment_reference IS NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT invoices_org_id_id_key UNIQUE (org_id, id);
ALTER TABLE invoices ADD CONSTRAINT invoices_sign_check CHECK (
  (kind = 'invoice' AND amount_minor >= 0 AND open_minor >= 0) OR (kind = 'credit_note' AND amount_minor <= 0 AND open_minor <= 0)
);

CREATE TABLE bank_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('053', '054')),
  statement_id text NOT NULL,
  account_iban text,
  created_at_bank timestamptz,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, kind, statement_id),
  UNIQUE (org_id, id)
);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('camt', 'manual')),
  -- AcctSvcrRef or an equivalent stable key: a statement imported twice books nothing twice
  dedupe_key text NOT NULL,
  statement_id uuid,
  booking_date date NOT NULL,
  value_date date,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL CHECK (currency IN ('EUR', 'CHF')),
  payer_name text,
  payer_iban text,
  reference text,
  remittance_text text,
  xml_path text,
  reversed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, dedupe_key),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, statement_id) REFERENCES bank_statements (org_id, id) ON DELETE SET NULL (statement_id)
);
CREATE INDEX payments_booking_idx ON payments (org_id, booking_date DESC);

CREATE TABLE payment_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  payment_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  rule text NOT NULL CHECK (rule IN ('reference', 'amount-payer', 'combination', 'free-text', 'manual')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- allocations are never deleted: a reversal is recorded and the invoice reopens
  reversed_at timestamptz,
  reversed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  FOREIGN KEY (org_id, payment_id) REFERENCES payments (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE
);
CREATE INDEX payment_allocations_payment_idx ON payment_allocations (org_id, payment_id);
CREATE INDEX payment_allocations_invoice_idx ON payment_allocations (org_id, invoice_id);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('csv', 'fec', 'camt')),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'rejected', 'partial', 'failed')),
  as_of date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  rows_total integer NOT NULL DEFAULT 0,
  rows_imported integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (org_id, id)
);
CREATE INDEX import_runs_org_idx ON import_runs (org_id, started_at DESC);

CREATE TABLE import_rejections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL,
  import_id uuid NOT NULL,
  line integer,
  path text,
  field text,
  message text NOT NULL,
  FOREIGN KEY (org_id, import_id) REFERENCES import_runs (org_id, id) ON DELETE CASCADE
);
CREATE INDEX import_rejections_import_idx ON import_rejections (org_id, import_id, id);

CREATE TABLE import_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  source_name text NOT NULL CHECK (length(source_name) BETWEEN 1 AND 100),
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, source_name)
);

CREATE TABLE saved_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  page text NOT NULL CHECK (page IN ('invoices', 'debtors')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  filters jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, user_id, page, name)
);

SELECT relance_isolate_tenant_table(t)
FROM unnest(ARRAY['debtor_contacts', 'debtor_ibans', 'bank_statements', 'payments', 'payment_allocations',
                  'import_runs', 'import_rejections', 'import_mappings', 'saved_views']::regclass[]) AS t;

-- Search debtors by name fragment quickly at 50k+ debtors.
CREATE INDEX debtors_org_external_idx ON debtors (org_id, external_id text_pattern_ops);
