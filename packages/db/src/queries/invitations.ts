import type { Role } from "@relance/domain";
import type { Queryable, TenantTx } from "../database.ts";

export interface InvitationRow {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const columns = (sql: Queryable) => sql`
  id, org_id as "orgId", email, role, created_at as "createdAt", expires_at as "expiresAt",
  accepted_at as "acceptedAt", revoked_at as "revokedAt"`;

export const insertInvitation = async (
  tx: TenantTx,
  inv: { orgId: string; email: string; role: Role; tokenHash: string; invitedBy: string; now: Date; expiresAt: Date },
): Promise<InvitationRow> => {
  const [row] = await tx<InvitationRow[]>`
    insert into invitations (org_id, email, role, token_hash, invited_by, created_at, expires_at)
    values (${inv.orgId}, ${inv.email}, ${inv.role}, ${inv.tokenHash}, ${inv.invitedBy}, ${inv.now}, ${inv.expiresAt})
    returning ${columns(tx)}`;
  return row!;
};

export const listInvitations = async (tx: TenantTx): Promise<InvitationRow[]> =>
  tx<InvitationRow[]>`select ${columns(tx)} from invitations order by created_at desc limit 200`;

export const revokeInvitation = async (tx: TenantTx, id: string, now: Date): Promise<boolean> => {
  const rows = await tx`
    update invitations set revoked_at = ${now}
    where id = ${id} and accepted_at is null and revoked_at is null returning id`;
  return rows.length === 1;
};

export interface InvitationWithOrgRow extends InvitationRow {
  orgName: string;
}

/** Across tenants: the invitation a link carries, whatever its state. */
export const findInvitationByTokenHash = async (sql: Queryable, tokenHash: string): Promise<InvitationWithOrgRow | undefined> => {
  const [row] = await sql<InvitationWithOrgRow[]>`
    select ${columns(sql)}, (select name from organizations o where o.id = invitations.org_id) as "orgName"
    from invitations where token_hash = ${tokenHash}`;
  return row;
};

/** Single use: only one caller can turn a live invitation into an accepted one. */
export const consumeInvitation = async (sql: Queryable, id: string, now: Date): Promise<boolean> => {
  const rows = await sql`
    update invitations set accepted_at = ${now}
    where id = ${id} and accepted_at is null and revoked_at is null and expires_at > ${now}
    returning id`;
  return rows.length === 1;
};
