-- Disputes: a customer contests one or more invoices of a case. A dispute holds its invoices out of dunning while it
-- is unresolved, keeps every status interval (the SLA clock per waiting party is computed from them), and may end
-- with a credit note allocated against the disputed invoices.

-- Default number of business days a dispute gets before it is overdue and escalated.
ALTER TABLE organizations
  ADD COLUMN dispute_sla_business_days integer NOT NULL DEFAULT 10 CHECK (dispute_sla_business_days BETWEEN 1 AND 120);

-- Editable per tenant; seeded with the default codes; a reason in use is retired, never deleted.
CREATE TABLE dispute_reasons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_fr text NOT NULL CHECK (length(label_fr) BETWEEN 1 AND 100),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, code),
  UNIQUE (org_id, id)
);

CREATE TABLE disputes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  reason_id uuid NOT NULL,
  currency text NOT NULL CHECK (currency IN ('EUR', 'CHF')),
  disputed_minor bigint NOT NULL CHECK (disputed_minor > 0),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'investigating', 'waiting_sales', 'waiting_billing', 'waiting_customer', 'resolved')),
  due_date date NOT NULL,
  escalated_at timestamptz,
  resolution text CHECK (resolution IN ('credit_note', 'rejected', 'partial')),
  credited_minor bigint CHECK (credited_minor > 0),
  credit_note_id uuid,
  resolution_note text,
  opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
  opened_at timestamptz NOT NULL,
  resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  resolved_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  CHECK ((status = 'resolved') = (resolution IS NOT NULL AND resolved_at IS NOT NULL)),
  CHECK (coalesce(resolution IN ('credit_note', 'partial'), false) = (credited_minor IS NOT NULL)),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, reason_id) REFERENCES dispute_reasons (org_id, id),
  FOREIGN KEY (org_id, credit_note_id) REFERENCES invoices (org_id, id)
);
CREATE INDEX disputes_case_idx ON disputes (org_id, case_id, opened_at DESC);
-- the escalation sweep: unresolved, not yet escalated, by due date
CREATE INDEX disputes_due_idx ON disputes (org_id, due_date) WHERE status <> 'resolved' AND escalated_at IS NULL;

-- The invoices a dispute covers. `active` while the dispute is unresolved: the dunning planner and the sender hold
-- active invoices, and an invoice is under at most one unresolved dispute.
CREATE TABLE dispute_invoices (
  org_id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  open_minor_at_open bigint NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, dispute_id, invoice_id),
  FOREIGN KEY (org_id, dispute_id) REFERENCES disputes (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX dispute_invoices_active_key ON dispute_invoices (org_id, invoice_id) WHERE active;

-- Members working the dispute; removal is recorded, not deleted.
CREATE TABLE dispute_participants (
  org_id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  user_id uuid NOT NULL,
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL,
  removed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  removed_at timestamptz,
  PRIMARY KEY (org_id, dispute_id, user_id),
  FOREIGN KEY (org_id, dispute_id) REFERENCES disputes (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);

-- Every status a dispute was in, from when to when: the SLA clocks. Only the open interval's end is ever written.
CREATE TABLE dispute_status_intervals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  status text NOT NULL
    CHECK (status IN ('open', 'investigating', 'waiting_sales', 'waiting_billing', 'waiting_customer', 'resolved')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  started_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  FOREIGN KEY (org_id, dispute_id) REFERENCES disputes (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX dispute_status_intervals_current_key ON dispute_status_intervals (org_id, dispute_id) WHERE ended_at IS NULL;
CREATE INDEX dispute_status_intervals_period_idx ON dispute_status_intervals (org_id, started_at);

-- How much of an invoice credit notes issued in Relance settled: an invoice they close reads "credited", not "paid".
ALTER TABLE invoices ADD COLUMN credited_minor bigint NOT NULL DEFAULT 0 CHECK (credited_minor >= 0);

-- A credit note used against an invoice (a dispute settled by a credit): the invoice's open amount drops by it, like
-- a payment allocation.
CREATE TABLE credit_note_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  credit_note_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  dispute_id uuid,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, credit_note_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, dispute_id) REFERENCES disputes (org_id, id) ON DELETE SET NULL (dispute_id)
);
CREATE INDEX credit_note_allocations_invoice_idx ON credit_note_allocations (org_id, invoice_id);

SELECT relance_isolate_tenant_table(t)
FROM unnest(ARRAY['disputes', 'dispute_invoices', 'dispute_participants']::regclass[]) AS t;
-- a reason in use is retired (its disputes keep it: the foreign key refuses the delete); intervals and allocations
-- are history
SELECT relance_isolate_tenant_table('dispute_reasons');
SELECT relance_isolate_tenant_table('dispute_status_intervals', 'SELECT, INSERT, UPDATE');
SELECT relance_isolate_tenant_table('credit_note_allocations', 'SELECT, INSERT');
