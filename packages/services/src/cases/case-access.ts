import { findCase, listCases, withTenant, type CaseRow } from "@relance/db";
import { AppError } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";

const caseNotFound = () => new AppError("NOT_FOUND", "Case not found", { key: "errors.notFound" });

/**
 * The case if the actor may see it. Another tenant's case and a case a sales rep was not brought into are both
 * answered "not found", so that existence is never revealed.
 */
export const findAccessibleCase = async (deps: ServiceDeps, actor: Actor, caseId: string): Promise<CaseRow> => {
  const found = await withTenant(deps.db.sql, actor.orgId, (tx) => findCase(tx, caseId));
  if (!found) throw caseNotFound();
  if (actor.role === "sales" && found.salesOwnerId !== actor.userId) throw caseNotFound();
  return found;
};

export const listAccessibleCases = async (deps: ServiceDeps, actor: Actor, limit = 50): Promise<CaseRow[]> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => listCases(tx, { limit, salesOwnerId: actor.role === "sales" ? actor.userId : null }));
