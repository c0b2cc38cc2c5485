-- The common chat send (no mention, no file) as one call. Sent as a transaction of its own, it took four protocol
-- messages (begin, the tenant settings, the statement, commit), each parsed, answered and read back on both sides;
-- under load that was a quarter of a send's time on the server. Called alone (autocommit), this function is its own
-- transaction: it enters the tenant as enterTenant does (application role, tenant id, both transaction-local, so
-- row-level security applies to every statement after them) and runs the statement postPlainChatMessage documents.
--
-- The sales rep's part of the access rule is the one salesRepSeesCaseSql writes (the debtor's owner, or an active
-- grant to the case); the integration tests of the plain send check both sides of it.
CREATE FUNCTION chat_post_plain(p_org uuid, p_case uuid, p_client uuid, p_author uuid, p_body text, p_roles text[])
  RETURNS TABLE (id uuid, "caseId" uuid, seq bigint, rev bigint, "clientId" uuid, "authorId" uuid, "authorName" text,
                 body text, mentions json, attachments json, "createdAt" timestamptz, "editedAt" timestamptz,
                 "deletedAt" timestamptz)
  LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.org_id', p_org::text, true), set_config('role', 'relance_app', true);
  RETURN QUERY
    WITH author AS (
      SELECT m.role FROM memberships m WHERE m.user_id = p_author AND m.role = ANY (p_roles)),
    target AS (
      SELECT c.id FROM cases c JOIN debtors d ON d.id = c.debtor_id, author a
      WHERE c.id = p_case
        AND (a.role <> 'sales' OR d.sales_owner_id = p_author
             OR EXISTS (SELECT 1 FROM case_participants p
                        WHERE p.case_id = c.id AND p.user_id = p_author AND p.revoked_at IS NULL))),
    counter AS (
      INSERT INTO chat_case_counters AS k (org_id, case_id, last_seq, last_rev)
      SELECT p_org, t.id, 1, 1 FROM target t
      WHERE NOT EXISTS (SELECT 1 FROM chat_messages x WHERE x.client_id = p_client)
      ON CONFLICT (org_id, case_id) DO UPDATE SET last_seq = k.last_seq + 1, last_rev = k.last_rev + 1
      RETURNING k.case_id, k.last_seq, k.last_rev),
    stored AS (
      INSERT INTO chat_messages AS cm (org_id, case_id, seq, rev, client_id, author_id, body)
      SELECT p_org, n.case_id, n.last_seq, n.last_rev, p_client, p_author, p_body FROM counter n
      RETURNING cm.id, cm.case_id, cm.seq, cm.rev, cm.client_id, cm.author_id, cm.body, cm.created_at)
    SELECT s.id, s.case_id, s.seq, s.rev, s.client_id, s.author_id, u.display_name, s.body, '[]'::json, '[]'::json,
           s.created_at, NULL::timestamptz, NULL::timestamptz
    FROM stored s LEFT JOIN users u ON u.id = s.author_id;
END $fn$;

-- It enters any tenant it is given: only the owner (the server's own connection) may call it.
REVOKE ALL ON FUNCTION chat_post_plain(uuid, uuid, uuid, uuid, text, text[]) FROM PUBLIC;
