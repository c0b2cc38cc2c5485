-- Inbound e-mail: replies to our messages and delivery reports (bounces, delays) about them, received through
-- `relance mail receive` (an MTA pipe) or POST /api/inbound-email. Each inbound message counts once: keyed by its own
-- Message-ID (else a digest of its bytes), so a retried delivery records nothing twice.
CREATE TABLE inbound_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  inbound_key text NOT NULL CHECK (length(inbound_key) BETWEEN 1 AND 1000),
  outbox_message_id uuid NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('reply', 'bounce', 'delay')),
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, inbound_key)
);
-- MTAs warn of a delay several times while they retry: the timeline tells it once per message.
CREATE UNIQUE INDEX inbound_emails_delay_once ON inbound_emails (org_id, outbox_message_id) WHERE kind = 'delay';
SELECT relance_isolate_tenant_table('inbound_emails', 'SELECT, INSERT');

-- The receiver learns the tenant from the message answered: it reads outbox rows by Message-ID (the unique index
-- outbox_messages_message_id_key) as the owner, before entering the tenant. Read only.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_lookup ON outbox_messages FOR SELECT TO %I USING (true)', current_user);
END $$;
