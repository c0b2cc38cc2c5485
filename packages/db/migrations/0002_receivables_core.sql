-- The first receivables tables: debtors, invoices and collection cases. The ledger work deepens them.

CREATE TABLE debtors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  city text,
  segment text NOT NULL CHECK (segment IN ('b2b', 'b2c')),
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('FR', 'CH')),
  identifier text,
  language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en', 'de', 'it')),
  payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
  sales_owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, external_id),
  UNIQUE (org_id, id)
);
CREATE INDEX debtors_org_name_idx ON debtors (org_id, name);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  debtor_id uuid NOT NULL,
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  issue_date date NOT NULL,
  due_date date NOT NULL CHECK (due_date >= issue_date),
  currency text NOT NULL CHECK (currency IN ('EUR', 'CHF')),
  amount_minor bigint NOT NULL,
  open_minor bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, number),
  -- the composite key keeps an invoice inside its debtor's tenant
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE
);
CREATE INDEX invoices_debtor_idx ON invoices (org_id, debtor_id);
CREATE INDEX invoices_due_idx ON invoices (org_id, due_date) WHERE open_minor <> 0;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  debtor_id uuid NOT NULL,
  stage text NOT NULL DEFAULT 'reminder_1',
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE
);
CREATE INDEX cases_debtor_idx ON cases (org_id, debtor_id);

-- Yjs documents (dispute notes): a compacted snapshot plus the updates received since.
CREATE TABLE documents (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  snapshot bytea,
  plain_text text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, name)
);
CREATE TABLE document_updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL,
  name text NOT NULL,
  update bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, name) REFERENCES documents (org_id, name) ON DELETE CASCADE
);
CREATE INDEX document_updates_doc_idx ON document_updates (org_id, name, id);

SELECT relance_isolate_tenant_table(t)
FROM unnest(ARRAY['debtors', 'invoices', 'cases', 'documents', 'document_updates']::regclass[]) AS t;
