import type { TenantTx } from "../database.ts";
import type { RateTableEntryRow } from "./collection-policies.ts";

/** The current version of each policy, with what the editor shows around it. */
export interface PolicyOverviewRow {
  policyId: string;
  segment: string;
  name: string;
  versionId: string;
  version: number;
  steps: unknown;
  thankYouOnPayment: boolean;
  createdAt: Date;
  createdByName: string | null;
  /** Open cases still following an older version of this policy. */
  casesOnOlderVersions: number;
}

export const listPolicyOverview = (tx: TenantTx): Promise<PolicyOverviewRow[]> =>
  tx<PolicyOverviewRow[]>`
    select distinct on (p.id) p.id as "policyId", p.segment, p.name, v.id as "versionId", v.version, v.steps,
      v.thank_you_on_payment as "thankYouOnPayment", v.created_at as "createdAt", u.display_name as "createdByName",
      (select count(*)::int from cases c join dunning_policy_versions ov on ov.id = c.policy_version_id
        where ov.policy_id = p.id and ov.version < v.version and c.status = 'open') as "casesOnOlderVersions"
    from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id left join users u on u.id = v.created_by
    order by p.id, v.version desc`;

export interface PolicyVersionSummaryRow {
  versionId: string;
  version: number;
  createdAt: Date;
  createdByName: string | null;
  stepCount: number;
  openCases: number;
}

/** Every version of a segment's policy, newest first, with the open cases that keep each one. */
export const listPolicyVersionHistory = (tx: TenantTx, segment: string): Promise<PolicyVersionSummaryRow[]> =>
  tx<PolicyVersionSummaryRow[]>`
    select v.id as "versionId", v.version, v.created_at as "createdAt", u.display_name as "createdByName",
      jsonb_array_length(v.steps)::int as "stepCount",
      (select count(*)::int from cases c where c.policy_version_id = v.id and c.status = 'open') as "openCases"
    from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id left join users u on u.id = v.created_by
    where p.segment = ${segment}
    order by v.version desc`;

/** Replaces every entry of one table kind (the editor saves the table whole). */
export const replaceRateTableEntries = async (tx: TenantTx, orgId: string, kind: string, entries: RateTableEntryRow[]): Promise<void> => {
  await tx`delete from rate_table_entries where kind = ${kind}`;
  for (const e of entries) {
    await tx`
      insert into rate_table_entries (org_id, kind, valid_from, rate_percent, amount_minor, currency, source)
      values (${orgId}, ${kind}, ${e.validFrom}, ${e.ratePercent}::numeric, ${e.amountMinor}, ${e.currency}, ${e.source})`;
  }
};
