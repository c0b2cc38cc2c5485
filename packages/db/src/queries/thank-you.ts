import type { TenantTx } from "../database.ts";
import { contactReachOf } from "./debtor-contacts.ts";

export interface ThankYouCandidateRow {
  caseId: string;
  debtorId: string;
  debtorName: string;
  debtorEmail: string | null;
  debtorLanguage: string;
  debtorExternalId: string;
  jurisdiction: "FR" | "CH";
}

/**
 * Open cases whose policy version thanks on payment, that were chased (a reminder was sent) and whose debtor no
 * longer owes anything, not thanked yet.
 */
export const selectThankYouCandidates = (tx: TenantTx): Promise<ThankYouCandidateRow[]> =>
  tx<ThankYouCandidateRow[]>`
    select c.id as "caseId", d.id as "debtorId", d.name as "debtorName",
      coalesce(d.email, ${contactReachOf(tx, "d", "email")}) as "debtorEmail",
      d.language as "debtorLanguage", d.external_id as "debtorExternalId", d.jurisdiction
    from cases c join debtors d on d.id = c.debtor_id join dunning_policy_versions v on v.id = c.policy_version_id
    where c.status = 'open' and c.thanked_at is null and v.thank_you_on_payment
      and exists (select 1 from dunning_actions a where a.case_id = c.id and a.status = 'sent')
      and not exists (select 1 from invoices i where i.debtor_id = d.id and i.kind = 'invoice' and i.open_minor > 0)`;

/** Claims a case's thank-you: true for exactly one caller, however many runs race. */
export const claimThankYou = async (tx: TenantTx, caseId: string, at: Date): Promise<boolean> =>
  (await tx`update cases set thanked_at = ${at} where id = ${caseId} and thanked_at is null returning id`).length > 0;
