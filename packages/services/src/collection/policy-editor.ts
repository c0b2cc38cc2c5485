import { listPolicyOverview, listPolicyVersionHistory, withTenant, type PolicyVersionSummaryRow } from "@relance/db";
import { AppError, DUNNING_CHANNELS, hasRole, MEMBER_ADMINS, parseDunningPolicy, type DunningStep } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { ensureDefaultPolicies, savePolicyVersion, type SavedPolicyVersion } from "./dunning-policies.ts";

export const requireAdmin = (actor: Actor): void => {
  if (!hasRole(actor.role, MEMBER_ADMINS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
};

export interface PolicyOverview {
  segment: string;
  name: string;
  versionId: string;
  version: number;
  steps: readonly DunningStep[];
  thankYouOnPayment: boolean;
  createdAt: Date;
  createdByName: string | null;
  casesOnOlderVersions: number;
}

/** The tenant's policies at their current version (the defaults are created on first look). */
export const listDunningPolicies = async (deps: ServiceDeps, actor: Actor): Promise<PolicyOverview[]> => {
  await ensureDefaultPolicies(deps, actor.orgId);
  const rows = await withTenant(deps.db.sql, actor.orgId, (tx) => listPolicyOverview(tx));
  return rows
    .map(({ policyId: _policyId, ...row }) => ({ ...row, steps: parseDunningPolicy({ name: row.name, segment: row.segment, steps: row.steps }).steps }))
    .sort((a, b) => a.segment.localeCompare(b.segment));
};

/** What the editor sends; the steps are checked by the domain (ordering, levels) and against the templates. */
export const savePolicyInput = z.object({
  segment: z.string().trim().min(1, "Required").max(40),
  name: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
  steps: z.array(
    z.object({
      offsetDays: z.number(),
      channel: z.enum(DUNNING_CHANNELS),
      templateKey: z.string().max(64),
      level: z.number(),
      addPenalties: z.boolean(),
    }),
  ).max(20, "At most 20 steps"),
  thankYouOnPayment: z.boolean(),
});

/**
 * Saves the edited policy as a new version. Open cases keep the version they started under; cases opened from now
 * on follow the new one. Admins only; a bad step is named (`steps.2.offsetDays`) and nothing is saved.
 */
export const saveDunningPolicy = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<SavedPolicyVersion> => {
  requireAdmin(actor);
  const v = parseInput(savePolicyInput, input);
  return savePolicyVersion(deps, actor, v.segment, v.steps, v.name, v.thankYouOnPayment);
};

export const listPolicyHistory = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<PolicyVersionSummaryRow[]> => {
  const { segment } = parseInput(z.object({ segment: z.string().min(1).max(40) }), input);
  return withTenant(deps.db.sql, actor.orgId, (tx) => listPolicyVersionHistory(tx, segment));
};
