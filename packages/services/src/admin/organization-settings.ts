import { getCurrentOrganization, updateSessionIdleTimeout, withTenant, type OrganizationRow } from "@relance/db";
import { AppError } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";

export const IDLE_TIMEOUT_BOUNDS = { min: 5, max: 43_200 } as const;

export const getOrganizationSettings = (deps: ServiceDeps, actor: Actor): Promise<OrganizationRow> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => getCurrentOrganization(tx));

/** Sessions idle for longer than this end; applies to existing sessions at their next request. */
export const updateOrganizationSettings = async (
  deps: ServiceDeps,
  actor: Actor,
  input: { sessionIdleTimeoutMinutes: number },
): Promise<OrganizationRow> => {
  const minutes = input.sessionIdleTimeoutMinutes;
  if (!Number.isInteger(minutes) || minutes < IDLE_TIMEOUT_BOUNDS.min || minutes > IDLE_TIMEOUT_BOUNDS.max) {
    const message = `Use a whole number of minutes between ${IDLE_TIMEOUT_BOUNDS.min} and ${IDLE_TIMEOUT_BOUNDS.max}.`;
    throw new AppError("BAD_REQUEST", message, { fields: [{ path: "sessionIdleTimeoutMinutes", message }] });
  }
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await updateSessionIdleTimeout(tx, minutes);
    return getCurrentOrganization(tx);
  });
};
