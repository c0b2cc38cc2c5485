import { findSenderDetails, lockUndigestedAlerts, markAlertsEmailed, withTenant, type DigestAlertRow } from "@relance/db";
import { formatTemplateDate, formatTemplateMoney, type AlertKind, type Currency } from "@relance/domain";
import type { ServiceDeps } from "../../deps.ts";
import { createMailer } from "../../channels/email/create-mailer.ts";
import { senderIdentityOf } from "../send-action.ts";

const LABELS: Record<"fr" | "en", Record<AlertKind, string> & { subject: (n: number, org: string) => string; intro: string; due: string }> = {
  fr: {
    due_date_passed: "Échéance dépassée", action_due: "Action à faire", promise_due: "Promesse de paiement à échéance",
    promise_broken: "Promesse non tenue", prescription_approaching: "Prescription proche", injonction_unserved: "Injonction de payer à signifier",
    schkg_continuation: "Continuation de la poursuite possible", dispute_overdue: "Litige en retard", debtor_replied: "Le débiteur a répondu",
    subject: (n, org) => `${org} : ${n} alerte${n > 1 ? "s" : ""} de recouvrement`,
    intro: "Voici les alertes de recouvrement du jour :", due: "date",
  },
  en: {
    due_date_passed: "Due date passed", action_due: "Action due", promise_due: "Promise to pay due", promise_broken: "Promise broken",
    prescription_approaching: "Limitation period ending", injonction_unserved: "Payment order to serve", schkg_continuation: "Enforcement may continue",
    dispute_overdue: "Dispute overdue", debtor_replied: "The debtor answered",
    subject: (n, org) => `${org}: ${n} collection alert${n > 1 ? "s" : ""}`,
    intro: "Today's collection alerts:", due: "date",
  },
};

const detailOf = (alert: DigestAlertRow, locale: "fr-FR" | "en-GB"): string => {
  const p = alert.payload;
  const money = typeof p.openMinor === "number" || typeof p.amountMinor === "number"
    ? formatTemplateMoney({ amountMinor: Number(p.openMinor ?? p.amountMinor), currency: String(p.currency) as Currency }, locale)
    : null;
  const invoices = Array.isArray(p.invoices) ? p.invoices.join(", ") : typeof p.invoice === "string" ? p.invoice : null;
  return [invoices, money, typeof p.reference === "string" ? p.reference : null].filter((x) => x !== null).join(" · ");
};

/** The digest of one member's alerts as plain text, in his language. */
export const composeAlertDigest = (orgName: string, alerts: DigestAlertRow[]): { subject: string; text: string } => {
  const language = alerts[0]?.userLocale === "en" ? "en" : "fr";
  const labels = LABELS[language];
  const locale = language === "en" ? "en-GB" : "fr-FR";
  const lines = alerts.map((a) => {
    const detail = detailOf(a, locale);
    return `- ${labels[a.kind as AlertKind] ?? a.kind} — ${a.debtorName ?? ""} — ${labels.due} ${formatTemplateDate(a.dueOn, locale)}${detail ? ` — ${detail}` : ""}`;
  });
  return { subject: labels.subject(alerts.length, orgName), text: `${labels.intro}\n\n${lines.join("\n")}\n` };
};

/**
 * E-mails each member one digest of the alerts he has neither read nor been mailed yet, through the e-mail channel
 * (SMTP, or recorded without it), then marks them e-mailed. The rows stay locked until then, so two runs never
 * mail one alert twice; a failed send leaves them for the next run.
 */
export const sendAlertDigests = async (deps: ServiceDeps, orgId: string, options: { smtpUrl?: string }): Promise<{ emailed: number; alerts: number }> => {
  const mailer = createMailer({ smtpUrl: options.smtpUrl, onOutbox: () => undefined, clock: deps.clock });
  try {
    return await withTenant(deps.db.sql, orgId, async (tx) => {
      const details = await findSenderDetails(tx);
      const sender = senderIdentityOf(details);
      const byUser = new Map<string, DigestAlertRow[]>();
      for (const alert of await lockUndigestedAlerts(tx)) byUser.set(alert.userEmail, [...(byUser.get(alert.userEmail) ?? []), alert]);
      let emailed = 0;
      let count = 0;
      for (const [email, alerts] of byUser) {
        const digest = composeAlertDigest(sender.name ?? details.orgName, alerts);
        await mailer.send({ from: { name: `Relance – ${sender.name ?? details.orgName}`, address: sender.email }, to: { name: alerts[0]!.userName, address: email }, ...digest });
        await markAlertsEmailed(tx, alerts.map((a) => a.id), deps.clock.now());
        emailed += 1;
        count += alerts.length;
      }
      return { emailed, alerts: count };
    });
  } finally {
    mailer.close();
  }
};
