-- Tenancy, users, sessions and invitations.
-- Isolation: every business table carries org_id and is under FORCE ROW LEVEL SECURITY. The application works as
-- the non-owner role relance_app with app.org_id set per transaction (set_config(..., true)). The migrating role
-- (the owner) keeps an explicit "system" policy on the few tables the sign-in path must read across tenants.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relance_app') THEN
    CREATE ROLE relance_app NOLOGIN;
  END IF;
END $$;

-- Lets a non-superuser owner switch to the application role (a superuser may anyway).
DO $$
BEGIN
  EXECUTE format('GRANT relance_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO relance_app;

CREATE FUNCTION current_org_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

-- Puts a business table under tenant isolation: RLS forced (even for the owner), one policy for the application
-- role keyed on org_id, and the application role's privileges. Every later tenant table goes through it.
CREATE FUNCTION relance_isolate_tenant_table(t regclass, privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO relance_app USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id())', t);
  EXECUTE format('GRANT %s ON %s TO relance_app', privileges, t);
END $$;

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country text NOT NULL CHECK (country IN ('FR', 'CH')),
  default_currency text NOT NULL CHECK (default_currency IN ('EUR', 'CHF')),
  session_idle_timeout_minutes integer NOT NULL DEFAULT 720 CHECK (session_idle_timeout_minutes BETWEEN 5 AND 43200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' IN email) > 1),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'credit_manager', 'billing', 'sales', 'manager')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Only the SHA-256 of the token is stored (id = hex digest).
CREATE TABLE sessions (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  user_agent text,
  ip text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('admin', 'credit_manager', 'billing', 'sales', 'manager')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX invitations_org_idx ON invitations (org_id, created_at DESC);

-- Failed sign-ins per account and per IP, kept in the database so every node sees the same counts.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Row-level security.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations TO relance_app
  USING (id = current_org_id()) WITH CHECK (id = current_org_id());

SELECT relance_isolate_tenant_table('memberships');
SELECT relance_isolate_tenant_table('invitations', 'SELECT, INSERT, UPDATE');

-- A tenant sees only the users who are its members.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_members ON users TO relance_app
  USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = current_org_id()));

DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON organizations TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY system_access ON memberships TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY system_access ON invitations TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY system_access ON users TO %I USING (true) WITH CHECK (true)', current_user);
END $$;

GRANT SELECT, UPDATE ON organizations TO relance_app;
GRANT SELECT ON users TO relance_app;
-- sessions and login_throttle stay with the owner: only the sign-in path touches them.
