import type { TenantTx } from "../database.ts";

export type CaseGrantReason = "mention" | "added" | "dispute";

/**
 * The access rule of a sales rep in SQL, for queries that apply it set-based (`c` the cases alias, `d` its debtor's):
 * he sees the cases of the debtors he owns and those he holds an unrevoked grant to. Services apply the same rule
 * row by row with `hasActiveCaseGrant` (`canSeeCase`), and the chat's one-call send repeats it in SQL
 * (`chat_post_plain`, migration 0019): a change to the rule goes to all three.
 */
export const salesRepSeesCaseSql = (tx: TenantTx, userId: string) => tx`
  (d.sales_owner_id = ${userId}::uuid
   or exists (select 1 from case_participants p where p.case_id = c.id and p.user_id = ${userId}::uuid and p.revoked_at is null))`;

export interface CaseParticipantRow {
  userId: string;
  displayName: string;
  role: string;
  reason: CaseGrantReason;
  grantedBy: string | null;
  grantedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
}

/**
 * Brings members into a case. A grant that was revoked is given again (someone deliberately brought the person back);
 * an active grant keeps its first reason and date. Returns the users whose access is new.
 */
export const grantCaseAccess = async (
  tx: TenantTx,
  g: { orgId: string; caseId: string; userIds: readonly string[]; reason: CaseGrantReason; grantedBy: string | null },
): Promise<string[]> => {
  if (g.userIds.length === 0) return [];
  const rows = await tx<{ userId: string }[]>`
    insert into case_participants (org_id, case_id, user_id, reason, granted_by)
    select ${g.orgId}, ${g.caseId}, u, ${g.reason}, ${g.grantedBy} from unnest(${tx.array([...g.userIds])}::uuid[]) as u
    on conflict (org_id, case_id, user_id) do update
      set reason = excluded.reason, granted_by = excluded.granted_by, granted_at = now(), revoked_by = null, revoked_at = null
      where case_participants.revoked_at is not null
    returning user_id as "userId"`;
  return rows.map((r) => r.userId);
};

/** Ends a grant; false when there was no active one. */
export const revokeCaseAccess = async (tx: TenantTx, r: { caseId: string; userId: string; revokedBy: string }): Promise<boolean> => {
  const rows = await tx`
    update case_participants set revoked_at = now(), revoked_by = ${r.revokedBy}
    where case_id = ${r.caseId} and user_id = ${r.userId} and revoked_at is null
    returning 1`;
  return rows.length > 0;
};

/**
 * Of these members, the sales reps whose access to the case rested on dispute participation alone, now that it ended:
 * an active grant recorded for a dispute, no debtor of theirs, no part left in an unresolved dispute of the case, and
 * no mention in its chat since the grant began. A grant keeps the reason it was first given, so a mention made while
 * the dispute grant stood is read from the messages; one made before a revoked grant was given again does not count.
 */
export const findGrantsHeldOnlyThroughDisputes = async (tx: TenantTx, q: { caseId: string; userIds: readonly string[] }): Promise<string[]> => {
  if (q.userIds.length === 0) return [];
  const rows = await tx<{ userId: string }[]>`
    select p.user_id as "userId"
    from case_participants p
    join memberships m on m.org_id = p.org_id and m.user_id = p.user_id and m.role = 'sales'
    join cases c on c.org_id = p.org_id and c.id = p.case_id
    join debtors d on d.org_id = c.org_id and d.id = c.debtor_id
    where p.case_id = ${q.caseId} and p.user_id = any(${tx.array([...q.userIds])}::uuid[])
      and p.revoked_at is null and p.reason = 'dispute'
      and d.sales_owner_id is distinct from p.user_id
      and not exists (
        select 1 from dispute_participants dp
        join disputes ds on ds.org_id = dp.org_id and ds.id = dp.dispute_id
        where ds.case_id = p.case_id and dp.user_id = p.user_id and dp.removed_at is null and ds.status <> 'resolved')
      and not exists (
        select 1 from chat_messages cm
        where cm.case_id = p.case_id and p.user_id = any(cm.mentions) and cm.created_at >= p.granted_at)
    order by p.user_id`;
  return rows.map((r) => r.userId);
};

export const hasActiveCaseGrant = async (tx: TenantTx, caseId: string, userId: string): Promise<boolean> => {
  const rows = await tx`
    select 1 from case_participants where case_id = ${caseId} and user_id = ${userId} and revoked_at is null`;
  return rows.length > 0;
};

/** Everyone ever brought into the case, active grants first. */
export const listCaseParticipants = async (tx: TenantTx, caseId: string): Promise<CaseParticipantRow[]> =>
  tx<CaseParticipantRow[]>`
    select p.user_id as "userId", u.display_name as "displayName", m.role, p.reason, p.granted_by as "grantedBy",
           p.granted_at as "grantedAt", p.revoked_by as "revokedBy", p.revoked_at as "revokedAt"
    from case_participants p
    join memberships m on m.org_id = p.org_id and m.user_id = p.user_id
    join users u on u.id = p.user_id
    where p.case_id = ${caseId}
    order by p.revoked_at is not null, u.display_name, p.user_id`;
