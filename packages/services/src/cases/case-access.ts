import { findCase, findGrantsHeldOnlyThroughDisputes, grantCaseAccess, hasActiveCaseGrant, listCaseParticipants, listCases, listCasesPage, revokeCaseAccess, withTenant, type CaseListRow, type CaseParticipantRow, type CaseRow, type TenantTx } from "@relance/db";
import { AppError, hasRole, LEDGER_WRITERS } from "@relance/domain";
import { z } from "zod";
import { emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { parseInput } from "./case-inputs.ts";

const caseNotFound = () => new AppError("NOT_FOUND", "Case not found", { key: "errors.notFound" });

/**
 * The one rule of who sees a case: everyone in the tenant except sales reps, who see the cases of the debtors they
 * own and the cases they were brought into (mentioned, added to a dispute) and whose access was not revoked.
 */
export const canSeeCase = async (tx: TenantTx, actor: Actor, c: { id: string; salesOwnerId: string | null }): Promise<boolean> => {
  if (actor.role !== "sales" || c.salesOwnerId === actor.userId) return true;
  return hasActiveCaseGrant(tx, c.id, actor.userId);
};

/** The case if the actor may see it, inside the caller's transaction. */
export const findAccessibleCaseTx = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> => {
  const found = await findCase(tx, caseId);
  if (!found || !(await canSeeCase(tx, actor, found))) throw caseNotFound();
  return found;
};

/**
 * The case if the actor may see it. Another tenant's case and a case a sales rep was not brought into are both
 * answered "not found", so that existence is never revealed.
 */
export const findAccessibleCase = async (deps: ServiceDeps, actor: Actor, caseId: string): Promise<CaseRow> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => findAccessibleCaseTx(tx, actor, caseId));

export const listAccessibleCases = async (deps: ServiceDeps, actor: Actor, limit = 50): Promise<CaseRow[]> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => listCases(tx, { limit, visibleTo: actor.role === "sales" ? actor.userId : null }));

export const CASES_PAGE_SIZE = 50;
export const casesPageInput = z
  .object({
    search: z.string().trim().max(200, "search: at most 200 characters").optional(),
    page: z.number().int("page must be a whole number").min(0, "page starts at 0").default(0),
    disputedOnly: z.boolean().default(false),
  })
  .strict();

/** The cases list the actor may see, by debtor name, a page at a time; searchable, or only those with open disputes. */
export const listCasesPageFor = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ rows: CaseListRow[]; total: number; pageSize: number }> => {
  const q = parseInput(casesPageInput, input ?? {});
  const page = await withTenant(deps.db.sql, actor.orgId, (tx) =>
    listCasesPage(tx, {
      visibleTo: actor.role === "sales" ? actor.userId : null,
      readerId: actor.userId,
      search: q.search || null,
      disputedOnly: q.disputedOnly,
      limit: CASES_PAGE_SIZE,
      offset: q.page * CASES_PAGE_SIZE,
    }));
  return { ...page, pageSize: CASES_PAGE_SIZE };
};

/**
 * Brings members into a case the actor can see (a mention, an added dispute participant). Only users who would not
 * see the case anyway need a grant, but granting the others is harmless and records that they were brought in.
 * Returns the users whose access is new.
 */
export const bringIntoCase = async (
  tx: TenantTx,
  actor: Actor,
  g: { caseId: string; userIds: readonly string[]; reason: "mention" | "added" | "dispute" },
): Promise<string[]> => {
  await findAccessibleCaseTx(tx, actor, g.caseId);
  return grantCaseAccess(tx, { orgId: actor.orgId, caseId: g.caseId, userIds: g.userIds, reason: g.reason, grantedBy: actor.userId });
};

const caseIdInput = z.object({ caseId: z.uuid("caseId must be a case id") }).strict();
const revokeInput = z.object({ caseId: z.uuid("caseId must be a case id"), userId: z.uuid("userId must be a user id") }).strict();

/** Who was brought into the case, for the people who may see it. */
export const listCaseAccess = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<CaseParticipantRow[]> => {
  const { caseId } = parseInput(caseIdInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await findAccessibleCaseTx(tx, actor, caseId);
    return listCaseParticipants(tx, caseId);
  });
};

/**
 * Ends these people's grants on the case inside the caller's transaction and returns those who held one. Once the
 * transaction committed, `announceAccessRevoked` tells their live connections.
 */
export const withdrawCaseAccess = async (tx: TenantTx, actor: Actor, r: { caseId: string; userIds: readonly string[] }): Promise<string[]> => {
  const revoked: string[] = [];
  for (const userId of r.userIds) {
    if (await revokeCaseAccess(tx, { caseId: r.caseId, userId, revokedBy: actor.userId })) revoked.push(userId);
  }
  return revoked;
};

/** After the commit: the people's sockets leave the case's room and their notes connections on it close, on every node. */
export const announceAccessRevoked = (deps: ServiceDeps, orgId: string, caseId: string, userIds: readonly string[]): void => {
  for (const userId of userIds) emitEvent(deps, { type: "case.access-revoked", orgId, caseId, userId });
};

/**
 * When people leave a dispute: the sales reps among them whom nothing else entitles to the case (see
 * `findGrantsHeldOnlyThroughDisputes`) lose their access in the same transaction. Returns them, to be recorded on the
 * timeline and announced after the commit.
 */
export const withdrawAccessEndedWithDispute = async (tx: TenantTx, actor: Actor, r: { caseId: string; userIds: readonly string[] }): Promise<string[]> =>
  withdrawCaseAccess(tx, actor, { caseId: r.caseId, userIds: await findGrantsHeldOnlyThroughDisputes(tx, r) });

/**
 * Takes a person's access to a case away: an admin, or the case's assignee (its owner), may. The person's live
 * connections to the case are told by the `case.access-revoked` event.
 */
export const revokeCaseParticipant = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const v = parseInput(revokeInput, input);
  await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await findAccessibleCaseTx(tx, actor, v.caseId);
    const mayRevoke = actor.role === "admin" || (found.assigneeId === actor.userId && hasRole(actor.role, LEDGER_WRITERS));
    if (!mayRevoke) throw new AppError("FORBIDDEN", "Only an admin or the case's owner can revoke access.", { key: "cases.revokeForbidden" });
    if ((await withdrawCaseAccess(tx, actor, { caseId: v.caseId, userIds: [v.userId] })).length === 0) {
      throw new AppError("NOT_FOUND", "This person holds no access to revoke on this case.", { key: "errors.notFound" });
    }
  });
  announceAccessRevoked(deps, actor.orgId, v.caseId, [v.userId]);
  return { ok: true };
};
