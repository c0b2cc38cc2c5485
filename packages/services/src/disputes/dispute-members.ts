import { findMemberRoles, type TenantTx } from "@relance/db";
import { DISPUTE_WRITERS, type FieldIssue, type Role } from "@relance/domain";

/**
 * Checks the owner (a member who runs disputes) and the participants (members of the tenant) and returns each
 * member's role, with the issues found under the given field names.
 */
export const checkDisputeMembers = async (
  tx: TenantTx,
  q: { ownerId?: string; participantIds: readonly string[]; ownerField: string; participantsField: string },
): Promise<{ roles: Map<string, Role>; issues: FieldIssue[] }> => {
  const ids = [...new Set([...(q.ownerId ? [q.ownerId] : []), ...q.participantIds])];
  const roles = (await findMemberRoles(tx, ids)) as Map<string, Role>;
  const issues: FieldIssue[] = [];
  if (q.ownerId !== undefined) {
    const role = roles.get(q.ownerId);
    if (role === undefined || !DISPUTE_WRITERS.includes(role)) issues.push({ path: q.ownerField, message: "The owner must be a member who handles disputes (admin, credit manager or billing)" });
  }
  q.participantIds.forEach((userId, index) => {
    if (!roles.has(userId)) issues.push({ path: `${q.participantsField}.${index}`, message: "Not a member of this organization" });
  });
  return { roles, issues };
};

/** Participants who only see the cases they are brought into. */
export const salesRepsAmong = (userIds: readonly string[], roles: Map<string, Role>): string[] => userIds.filter((u) => roles.get(u) === "sales");
