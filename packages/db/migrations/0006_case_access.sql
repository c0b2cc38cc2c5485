-- Who was brought into a case besides the people who see every case: a sales rep mentioned in its chat, or added
-- to one of its disputes. A sales rep sees the cases of the debtors he owns and the cases he holds an unrevoked grant
-- on; an admin or the case's assignee can revoke a grant (kept, with who and when, for the audit trail).

CREATE TABLE case_participants (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('mention', 'added', 'dispute')),
  granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, case_id, user_id),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
  -- only members of the tenant can be brought in; a member who leaves loses his grants
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
-- "which cases may this rep see": the case list of a sales rep
CREATE INDEX case_participants_user_idx ON case_participants (org_id, user_id) WHERE revoked_at IS NULL;

SELECT relance_isolate_tenant_table('case_participants');
