import type { TenantTx } from "../database.ts";

/** A policy version as stored: its steps are the jsonb the editor saved (validated by the service before insert). */
export interface PolicyVersionRow {
  id: string;
  policyId: string;
  segment: string;
  name: string;
  version: number;
  steps: unknown;
}

/** Creates the policy of a segment if absent; returns its id either way. */
export const upsertDunningPolicy = async (tx: TenantTx, p: { orgId: string; segment: string; name: string }): Promise<string> => {
  await tx`insert into dunning_policies (org_id, segment, name) values (${p.orgId}, ${p.segment}, ${p.name}) on conflict (org_id, segment) do nothing`;
  const [row] = await tx<{ id: string }[]>`select id from dunning_policies where segment = ${p.segment}`;
  return row!.id;
};

/** The latest version of each policy (or of one segment). */
export const listCurrentPolicyVersions = async (tx: TenantTx, segment: string | null = null): Promise<PolicyVersionRow[]> =>
  tx<PolicyVersionRow[]>`
    select distinct on (p.id) v.id, p.id as "policyId", p.segment, p.name, v.version, v.steps
    from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id
    where ${segment}::text is null or p.segment = ${segment}::text
    order by p.id, v.version desc`;

export const findPolicyVersionsByIds = async (tx: TenantTx, ids: string[]): Promise<PolicyVersionRow[]> =>
  tx<PolicyVersionRow[]>`
    select v.id, p.id as "policyId", p.segment, p.name, v.version, v.steps
    from dunning_policy_versions v join dunning_policies p on p.id = v.policy_id
    where v.id = any(${tx.array(ids)}::uuid[])`;

/**
 * Adds the next version of a policy. The policy row is locked first so two editors saving at once get n+1 and n+2,
 * never a duplicate-key error.
 */
export const insertNextPolicyVersion = async (
  tx: TenantTx,
  v: { orgId: string; policyId: string; steps: unknown; createdBy: string | null; onlyIfNone?: boolean; thankYouOnPayment?: boolean },
): Promise<{ id: string; version: number } | null> => {
  await tx`select id from dunning_policies where id = ${v.policyId} for update`;
  const [current] = await tx<{ version: number | null }[]>`select max(version) as version from dunning_policy_versions where policy_id = ${v.policyId}`;
  if (v.onlyIfNone && current?.version != null) return null;
  const version = (current?.version ?? 0) + 1;
  const [row] = await tx<{ id: string }[]>`
    insert into dunning_policy_versions (org_id, policy_id, version, steps, created_by, thank_you_on_payment)
    values (${v.orgId}, ${v.policyId}, ${version}, ${tx.json(v.steps as never)}, ${v.createdBy}, ${v.thankYouOnPayment ?? false})
    returning id`;
  return { id: row!.id, version };
};

export interface RateTableEntryRow {
  kind: string;
  validFrom: string;
  ratePercent: string | null;
  amountMinor: number | null;
  currency: string | null;
  source: string | null;
}

/** Seeds entries; an entry already there (same kind and start) is left as the tenant edited it. */
export const insertRateTableEntriesIfAbsent = async (tx: TenantTx, orgId: string, entries: RateTableEntryRow[]): Promise<number> => {
  if (entries.length === 0) return 0;
  const result = await tx`
    insert into rate_table_entries (org_id, kind, valid_from, rate_percent, amount_minor, currency, source)
    select ${orgId}, kind, valid_from, rate_percent::numeric, amount_minor, nullif(currency, ''), nullif(source, '') from unnest(
      ${tx.array(entries.map((e) => e.kind))}::text[], ${tx.array(entries.map((e) => e.validFrom))}::date[],
      ${tx.array(entries.map((e) => e.ratePercent))}::text[], ${tx.array(entries.map((e) => e.amountMinor))}::bigint[],
      ${tx.array(entries.map((e) => e.currency ?? ""))}::text[], ${tx.array(entries.map((e) => e.source ?? ""))}::text[]
    ) as t(kind, valid_from, rate_percent, amount_minor, currency, source)
    on conflict (org_id, kind, valid_from) do nothing`;
  return result.count;
};

export const listRateTableEntries = async (tx: TenantTx): Promise<RateTableEntryRow[]> =>
  tx<RateTableEntryRow[]>`
    select kind, valid_from as "validFrom", rtrim(rtrim(rate_percent::text, '0'), '.') as "ratePercent", amount_minor as "amountMinor", currency, source
    from rate_table_entries order by kind, valid_from`;
