import { claimThankYou, insertOutboxMessage, insertTimelineEvent, selectThankYouCandidates, withTenant, type ThankYouCandidateRow } from "@relance/db";
import { languageOf, renderTemplate, scheduleSendTime, templateFor, type TemplateContext } from "@relance/domain";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { localeOf } from "./message-context.ts";
import { loadSendContext, openChannels, windowOf, type TenantSendContext } from "./send-action.ts";
import { localTime } from "./send-due-actions.ts";

export const THANK_YOU_TEMPLATE = "thank_you";

const contextOf = (base: TenantSendContext, debtor: ThankYouCandidateRow, today: string): TemplateContext => ({
  company: { name: base.sender.name ?? base.settings.orgName, email: base.sender.email, phone: base.sender.phone ?? "-", iban: base.sender.iban ?? "-", address: base.sender.address ?? "-" },
  debtor: { name: debtor.debtorName, reference: debtor.debtorExternalId },
  sender: { name: base.sender.signature ?? base.sender.name ?? base.settings.orgName },
  date: today,
  invoices: [],
});

export interface ThankYouReport {
  sent: number;
  /** Paid in full, but with no e-mail address to thank them at. */
  noAddress: number;
  deferred: boolean;
}

/**
 * Thanks each chased debtor who has paid everything, once per case, by e-mail, when the case's policy version asks
 * for it. The case is claimed (thanked_at) in the transaction that records the outbox row and the timeline event, so
 * concurrent runs thank once. Outside the send window nothing is sent; the next run does it.
 */
export const sendThankYouMessages = async (deps: ServiceDeps, orgId: string, options: { now: Date; smtpUrl?: string }): Promise<ThankYouReport> => {
  const { base, candidates } = await withTenant(deps.db.sql, orgId, async (tx) => ({ base: await loadSendContext(tx), candidates: await selectThankYouCandidates(tx) }));
  const report: ThankYouReport = { sent: 0, noAddress: 0, deferred: false };
  if (candidates.length === 0) return report;
  const today = calendarDate(options.now, base.settings.timeZone);
  const time = localTime(options.now, base.settings.timeZone);
  const slot = scheduleSendTime(today, time, windowOf(base.settings));
  if (slot.date !== today || slot.time !== time) return { ...report, deferred: true };
  const channels = openChannels(deps, options.smtpUrl === undefined ? {} : { smtpUrl: options.smtpUrl }, base.settings.country);
  try {
    for (const debtor of candidates) {
      if (debtor.debtorEmail === null) {
        report.noAddress += 1;
        continue;
      }
      const email = debtor.debtorEmail;
      const sent = await withTenant(deps.db.sql, orgId, async (tx) => {
        if (!(await claimThankYou(tx, debtor.caseId, options.now))) return false;
        const locale = localeOf({ debtorLanguage: debtor.debtorLanguage, jurisdiction: debtor.jurisdiction });
        const template = templateFor(THANK_YOU_TEMPLATE, languageOf(locale));
        const context = contextOf(base, debtor, today);
        const subject = template.subject === undefined ? base.settings.orgName : renderTemplate(template.subject, context, locale);
        const body = renderTemplate(template.body, context, locale);
        const result = await channels.mailer.send({ from: { name: base.sender.name ?? base.settings.orgName, address: base.sender.email }, to: email, subject, text: body });
        await insertOutboxMessage(tx, {
          orgId, actionId: null, caseId: debtor.caseId, channel: "email", recipient: email, subject, body, messageId: result.messageId,
          status: channels.mailer.mode === "smtp" ? "sent" : "recorded", error: null,
        });
        await insertTimelineEvent(tx, {
          orgId, debtorId: debtor.debtorId, caseId: debtor.caseId, kind: "reminder", actorId: null,
          payload: { thankYou: true, channel: "email", templateKey: THANK_YOU_TEMPLATE, messageId: result.messageId },
        });
        return true;
      });
      if (sent) report.sent += 1;
    }
  } finally {
    channels.mailer.close();
  }
  return report;
};
