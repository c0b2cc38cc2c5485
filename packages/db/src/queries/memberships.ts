import type { Role } from "@relance/domain";
import type { Queryable, TenantTx } from "../database.ts";

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: Date;
}

export interface UserMembershipRow {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
}

export const insertMembership = async (sql: Queryable, m: { orgId: string; userId: string; role: Role }): Promise<void> => {
  await sql`insert into memberships (org_id, user_id, role) values (${m.orgId}, ${m.userId}, ${m.role})`;
};

/** Across tenants, for sign-in: the organizations a user belongs to, oldest first. */
export const findMembershipsOfUser = async (sql: Queryable, userId: string): Promise<UserMembershipRow[]> =>
  sql<UserMembershipRow[]>`
    select m.org_id as "orgId", o.slug as "orgSlug", o.name as "orgName", m.role
    from memberships m join organizations o on o.id = m.org_id
    where m.user_id = ${userId}
    order by m.created_at, o.slug`;

export const listMembers = async (tx: TenantTx): Promise<MemberRow[]> =>
  tx<MemberRow[]>`
    select m.user_id as "userId", u.email, u.display_name as "displayName", m.role, m.created_at as "joinedAt"
    from memberships m join users u on u.id = m.user_id
    order by u.display_name, u.email`;

export const findMemberRole = async (tx: TenantTx, userId: string): Promise<Role | undefined> => {
  const [row] = await tx<{ role: Role }[]>`select role from memberships where user_id = ${userId}`;
  return row?.role;
};

export const updateMemberRole = async (tx: TenantTx, userId: string, role: Role): Promise<boolean> => {
  const rows = await tx`update memberships set role = ${role} where user_id = ${userId} returning user_id`;
  return rows.length === 1;
};

export const countAdmins = async (tx: TenantTx): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from memberships where role = 'admin'`;
  return row?.n ?? 0;
};

/** Adds a membership unless the user already belongs to the organization (keeps the existing role). */
export const addMembershipIfAbsent = async (sql: Queryable, m: { orgId: string; userId: string; role: Role }): Promise<void> => {
  await sql`insert into memberships (org_id, user_id, role) values (${m.orgId}, ${m.userId}, ${m.role})
            on conflict (org_id, user_id) do nothing`;
};

export const deleteMembership = async (tx: TenantTx, userId: string): Promise<boolean> => {
  const rows = await tx`delete from memberships where user_id = ${userId} returning user_id`;
  return rows.length === 1;
};
