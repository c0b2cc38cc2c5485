import {
  findPolicyVersionsByIds, insertNextPolicyVersion, insertRateTableEntriesIfAbsent, listCurrentPolicyVersions, listRateTableEntries,
  upsertDunningPolicy, withTenant, type RateTableEntryRow, type TenantTx,
} from "@relance/db";
import {
  AppError, DEFAULT_POLICIES, DEFAULT_RATE_TABLES, DEFAULT_TEMPLATES, parseDunningPolicy, parseRateTables,
  type DunningPolicy, type DunningStep, type PolicySegment, type RateTables,
} from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";

/** The policy segment of a debtor: Switzerland has one policy; France splits business and consumer debtors. */
export const policySegmentOf = (debtor: { jurisdiction: "FR" | "CH"; segment: "b2b" | "b2c" }): PolicySegment =>
  debtor.jurisdiction === "CH" ? "ch" : debtor.segment === "b2c" ? "b2c_fr" : "b2b_fr";

/** Creates the default policies of a tenant (version 1 each) when absent; running it again changes nothing. */
export const ensureDefaultPolicies = (deps: ServiceDeps, orgId: string): Promise<{ created: string[] }> =>
  withTenant(deps.db.sql, orgId, async (tx) => {
    const created: string[] = [];
    for (const policy of DEFAULT_POLICIES) {
      const policyId = await upsertDunningPolicy(tx, { orgId, segment: policy.segment, name: policy.name });
      const version = await insertNextPolicyVersion(tx, { orgId, policyId, steps: policy.steps, createdBy: null, onlyIfNone: true });
      if (version !== null) created.push(policy.segment);
    }
    return { created };
  });

export interface SavedPolicyVersion {
  policyVersionId: string;
  segment: string;
  version: number;
}

/**
 * Saves a new version of a segment's policy (creating the policy on first save). The whole policy is validated
 * first: a BAD_REQUEST names each bad field (`steps.1.offsetDays`) and nothing is saved.
 */
export const savePolicyVersion = (
  deps: ServiceDeps, actor: Actor, segment: string, steps: unknown, name?: string, thankYouOnPayment = false,
): Promise<SavedPolicyVersion> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const [existing] = await listCurrentPolicyVersions(tx, segment);
    const policy = parseDunningPolicy({ name: name ?? existing?.name ?? segment, segment, steps });
    requireKnownTemplates(policy);
    const policyId = await upsertDunningPolicy(tx, { orgId: actor.orgId, segment: policy.segment, name: policy.name });
    const saved = await insertNextPolicyVersion(tx, { orgId: actor.orgId, policyId, steps: policy.steps, createdBy: actor.userId, thankYouOnPayment });
    return { policyVersionId: saved!.id, segment: policy.segment, version: saved!.version };
  });

/** Every step must name a template that exists in each language, or sending it would fail later. */
const requireKnownTemplates = (policy: DunningPolicy): void => {
  const fields = policy.steps.flatMap((step, index) =>
    TEMPLATE_LANGUAGES_SENT.every((language) => DEFAULT_TEMPLATES.some((t) => t.key === step.templateKey && t.language === language))
      ? []
      : [{ path: `steps.${index}.templateKey`, message: `no template "${step.templateKey}"` }],
  );
  if (fields.length > 0) {
    throw new AppError("BAD_REQUEST", `Invalid dunning policy: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { key: "collection.invalidDunningPolicy", fields });
  }
};

const TEMPLATE_LANGUAGES_SENT = ["fr", "en"] as const;

/** Stored versions as domain policies, by version id. Stored steps were validated on save and are parsed again here. */
export const loadPolicyVersions = async (tx: TenantTx, ids: string[]): Promise<Map<string, DunningPolicy>> => {
  const rows = await findPolicyVersionsByIds(tx, ids);
  return new Map(rows.map((row) => [row.id, parseDunningPolicy({ name: row.name, segment: row.segment, steps: row.steps })]));
};

export const stepOf = (policy: DunningPolicy, stepIndex: number): DunningStep => {
  const step = policy.steps[stepIndex];
  if (step === undefined) throw new Error(`policy ${policy.segment} has no step ${stepIndex}`);
  return step;
};

/** Seeds the tenant's rate tables from the published values; entries already there are kept as edited. */
export const ensureDefaultRateTables = (deps: ServiceDeps, orgId: string): Promise<{ inserted: number }> =>
  withTenant(deps.db.sql, orgId, async (tx) => {
    const t = DEFAULT_RATE_TABLES;
    const rates = [t.ecb_refinancing, t.fr_legal_rate_individual, t.fr_legal_rate_other, t.ch_default_interest].flatMap((table) =>
      table.entries.map((e): RateTableEntryRow => ({ kind: table.kind, validFrom: e.validFrom, ratePercent: e.ratePercent, amountMinor: null, currency: null, source: e.source ?? null })),
    );
    const indemnities = t.fr_recovery_indemnity.entries.map((e): RateTableEntryRow => ({
      kind: "fr_recovery_indemnity", validFrom: e.validFrom, ratePercent: null, amountMinor: e.amountMinor, currency: e.currency, source: null,
    }));
    return { inserted: await insertRateTableEntriesIfAbsent(tx, orgId, [...rates, ...indemnities]) };
  });

/**
 * The tenant's tables in the domain's shape. The table has no end date column, so an entry runs until the next one;
 * the payment-order fee is not a stored kind yet and comes from the published defaults.
 */
export const loadRateTables = async (tx: TenantTx): Promise<RateTables> => {
  const rows = await listRateTableEntries(tx);
  const rateEntries = (kind: string) =>
    rows.filter((r) => r.kind === kind && r.ratePercent !== null).map((r) => ({ validFrom: r.validFrom, ratePercent: r.ratePercent!, ...(r.source ? { source: r.source } : {}) }));
  return parseRateTables({
    ecb_refinancing: { kind: "ecb_refinancing", entries: rateEntries("ecb_refinancing") },
    fr_legal_rate_individual: { kind: "fr_legal_rate_individual", entries: rateEntries("fr_legal_rate_individual") },
    fr_legal_rate_other: { kind: "fr_legal_rate_other", entries: rateEntries("fr_legal_rate_other") },
    ch_default_interest: { kind: "ch_default_interest", entries: rateEntries("ch_default_interest") },
    fr_recovery_indemnity: {
      kind: "fr_recovery_indemnity",
      entries: rows.filter((r) => r.kind === "fr_recovery_indemnity" && r.amountMinor !== null).map((r) => ({ validFrom: r.validFrom, amountMinor: r.amountMinor!, currency: r.currency ?? "EUR" })),
    },
    ch_payment_order_fee: DEFAULT_RATE_TABLES.ch_payment_order_fee,
  });
};
