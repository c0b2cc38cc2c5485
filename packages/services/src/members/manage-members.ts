import { countAdmins, deleteMembership, deleteUserSessionsInOrg, findMemberRole, listMembers, updateMemberRole, withTenant } from "@relance/db";
import { AppError, type Role } from "@relance/domain";
import { announceEnded } from "../auth/sessions.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export interface MemberSummary {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: Date;
}

export const listOrgMembers = (deps: ServiceDeps, actor: Actor): Promise<MemberSummary[]> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => listMembers(tx));

const lastAdminError = () =>
  new AppError("PRECONDITION_FAILED", "An organization keeps at least one admin.", { key: "members.lastAdmin" });

/** Changes a member's role. A member of another tenant is not found; the last admin cannot be demoted. */
export const changeMemberRole = async (deps: ServiceDeps, actor: Actor, input: { userId: string; role: Role }): Promise<void> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const current = await findMemberRole(tx, input.userId);
    if (!current) throw new AppError("NOT_FOUND", "Member not found", { key: "errors.notFound" });
    if (current === "admin" && input.role !== "admin" && (await countAdmins(tx)) <= 1) throw lastAdminError();
    await updateMemberRole(tx, input.userId, input.role);
  });

/** Removes a member from the organization; their sessions in it end with the membership. */
export const removeMember = async (deps: ServiceDeps, actor: Actor, userId: string): Promise<void> => {
  await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const current = await findMemberRole(tx, userId);
    if (!current) throw new AppError("NOT_FOUND", "Member not found", { key: "errors.notFound" });
    if (current === "admin" && (await countAdmins(tx)) <= 1) throw lastAdminError();
    await deleteMembership(tx, userId);
  });
  announceEnded(deps, await deleteUserSessionsInOrg(deps.db.sql, userId, actor.orgId));
};
