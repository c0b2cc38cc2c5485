-- Collection workflow: cases with an append-only timeline, versioned dunning policies, dunning actions (exactly
-- once per invoice and step), promises to pay, alerts, an outbox of messages, dated rate tables, tenant settings
-- for sending, and a jobs table for durable scheduling (FOR UPDATE SKIP LOCKED works on PGlite and PostgreSQL).

ALTER TABLE organizations
  ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris',
  ADD COLUMN quiet_hours_start time NOT NULL DEFAULT '20:00',
  ADD COLUMN quiet_hours_end time NOT NULL DEFAULT '08:00',
  ADD COLUMN send_on_saturdays boolean NOT NULL DEFAULT true,
  ADD COLUMN send_on_sundays boolean NOT NULL DEFAULT false;

ALTER TABLE debtors ADD COLUMN on_hold boolean NOT NULL DEFAULT false;

CREATE TABLE dunning_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  segment text NOT NULL CHECK (length(segment) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, segment),
  UNIQUE (org_id, id)
);

-- A policy is edited by adding a version; a case keeps the version it started under.
CREATE TABLE dunning_policy_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  policy_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  steps jsonb NOT NULL,
  thank_you_on_payment boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (policy_id, version),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, policy_id) REFERENCES dunning_policies (org_id, id) ON DELETE CASCADE
);

ALTER TABLE cases
  ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  ADD COLUMN closed_reason text CHECK (closed_reason IN ('paid', 'settled', 'written_off')),
  ADD COLUMN priority integer NOT NULL DEFAULT 0,
  ADD COLUMN next_action_date date,
  ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
  ADD COLUMN policy_version_id uuid,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT cases_policy_version_fkey FOREIGN KEY (org_id, policy_version_id) REFERENCES dunning_policy_versions (org_id, id);
-- one open case per debtor
CREATE UNIQUE INDEX cases_open_debtor_key ON cases (org_id, debtor_id) WHERE status = 'open';

-- Append-only: the application role may read and add, never change or remove (enforced by privileges).
CREATE TABLE timeline_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  debtor_id uuid NOT NULL,
  case_id uuid,
  kind text NOT NULL CHECK (kind IN ('reminder', 'call', 'note', 'promise', 'promise_kept', 'promise_broken', 'payment',
    'stage_change', 'document', 'dispute', 'reply', 'bounce', 'hold', 'assignment')),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, debtor_id) REFERENCES debtors (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
);
CREATE INDEX timeline_events_case_idx ON timeline_events (org_id, case_id, id DESC);
CREATE INDEX timeline_events_debtor_idx ON timeline_events (org_id, debtor_id, id DESC);

CREATE TABLE dunning_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  case_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  policy_version_id uuid NOT NULL,
  step_index integer NOT NULL CHECK (step_index >= 0),
  level integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'letter', 'sms', 'call')),
  planned_for date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'done', 'skipped', 'failed', 'cancelled')),
  snoozed_until date,
  sent_at timestamptz,
  outcome jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, policy_version_id) REFERENCES dunning_policy_versions (org_id, id)
);
CREATE INDEX dunning_actions_due_idx ON dunning_actions (org_id, status, planned_for);

-- The exactly-once key: one action per invoice and policy step, whoever plans it and however often.
CREATE TABLE dunning_action_invoices (
  org_id uuid NOT NULL,
  action_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  step_index integer NOT NULL,
  open_minor bigint NOT NULL,
  interest_minor bigint NOT NULL DEFAULT 0,
  indemnity_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, invoice_id, step_index),
  FOREIGN KEY (org_id, action_id) REFERENCES dunning_actions (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE
);
CREATE INDEX dunning_action_invoices_action_idx ON dunning_action_invoices (org_id, action_id);

CREATE TABLE promises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  case_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL CHECK (currency IN ('EUR', 'CHF')),
  promised_for date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('phone', 'email', 'letter', 'meeting', 'other')),
  promised_by text,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept', 'broken', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
);
CREATE INDEX promises_pending_idx ON promises (org_id, status, promised_for);

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  case_id uuid,
  debtor_id uuid,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  due_on date NOT NULL,
  -- the same condition raises one alert, however often it is checked
  dedupe_key text NOT NULL,
  read_at timestamptz,
  emailed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, dedupe_key)
);
CREATE INDEX alerts_user_idx ON alerts (org_id, user_id, read_at, due_on);

-- What was sent (or, with no SMTP_URL / SMS provider, what would have been): the outbox shown in the app.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  action_id uuid,
  case_id uuid,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  message_id text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'recorded', 'failed', 'bounced')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  FOREIGN KEY (org_id, action_id) REFERENCES dunning_actions (org_id, id) ON DELETE SET NULL (action_id)
);
CREATE INDEX outbox_messages_org_idx ON outbox_messages (org_id, created_at DESC);
CREATE UNIQUE INDEX outbox_messages_message_id_key ON outbox_messages (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE generated_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid,
  action_id uuid,
  kind text NOT NULL CHECK (kind IN ('letter', 'formal_notice', 'statement')),
  file_name text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Dated rates and fees, editable by admins, seeded per tenant from the published values.
CREATE TABLE rate_table_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('ecb_refinancing', 'fr_legal_rate_individual', 'fr_legal_rate_other', 'ch_default_interest',
    'fr_recovery_indemnity')),
  valid_from date NOT NULL,
  rate_percent numeric(7, 4),
  amount_minor bigint,
  currency text,
  source text,
  UNIQUE (org_id, kind, valid_from),
  CHECK ((rate_percent IS NOT NULL) <> (amount_minor IS NOT NULL))
);

-- Durable jobs (daily dunning run, alert checks, digests): claimed with FOR UPDATE SKIP LOCKED by any node.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  kind text NOT NULL,
  run_at timestamptz NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (status, run_at);

SELECT relance_isolate_tenant_table(t)
FROM unnest(ARRAY['dunning_policies', 'dunning_policy_versions', 'dunning_actions', 'dunning_action_invoices', 'promises',
                  'alerts', 'outbox_messages', 'generated_documents', 'rate_table_entries']::regclass[]) AS t;
SELECT relance_isolate_tenant_table('timeline_events', 'SELECT, INSERT');
-- jobs belong to the scheduler (owner), across tenants
