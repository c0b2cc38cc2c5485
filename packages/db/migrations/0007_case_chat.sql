-- The chat of a case's dispute room, its attachments, and the in-app notifications a mention raises.
-- Messages are numbered per case without gaps (`seq`, from a counter row locked by the inserting transaction) so a
-- client that reconnects asks for what follows its last number; every insert, edit and delete also takes the next
-- `rev` of the case, so the same client learns of edits and deletions it missed.

CREATE TABLE chat_case_counters (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0,
  last_rev bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, case_id),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
);

CREATE TABLE chat_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  seq bigint NOT NULL CHECK (seq > 0),
  rev bigint NOT NULL,
  -- chosen by the sending client: a retried send finds the stored message instead of adding a second one
  client_id uuid NOT NULL,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- plain text; a mention is written <@user-id> and its id is also kept in `mentions`
  body text NOT NULL CHECK (length(body) <= 10000),
  mentions uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, client_id),
  UNIQUE (org_id, case_id, seq),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
);
-- "what changed since rev n" for a reconnecting client
CREATE INDEX chat_messages_rev_idx ON chat_messages (org_id, case_id, rev);

-- Files are uploaded first (over HTTP), then attached to the message that carries them.
CREATE TABLE chat_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  message_id uuid,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, message_id) REFERENCES chat_messages (org_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_attachments_message_idx ON chat_attachments (org_id, message_id);

-- One row per person to tell: an unread mention shows in the bell; unread and not seen live after a few minutes, it
-- is e-mailed once (email_status), by whichever node claims it first.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mention')),
  case_id uuid NOT NULL,
  message_id uuid NOT NULL,
  message_seq bigint NOT NULL,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  email_due_at timestamptz,
  email_status text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'claimed', 'sent', 'recorded', 'skipped', 'failed')),
  email_locked_until timestamptz,
  UNIQUE (org_id, user_id, message_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, message_id) REFERENCES chat_messages (org_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_unread_idx ON notifications (org_id, user_id, created_at DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_email_due_idx ON notifications (email_due_at) WHERE email_status IN ('pending', 'claimed');

SELECT relance_isolate_tenant_table('chat_case_counters', 'SELECT, INSERT, UPDATE');
SELECT relance_isolate_tenant_table('chat_messages', 'SELECT, INSERT, UPDATE');
SELECT relance_isolate_tenant_table('chat_attachments', 'SELECT, INSERT, UPDATE');
SELECT relance_isolate_tenant_table('notifications', 'SELECT, INSERT, UPDATE');

-- The mention mailer runs as the owner across tenants (like the jobs): it claims due notifications of every tenant.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON notifications TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
