import {
  claimNextDueAction, countDueActions, findSendSettings, insertGeneratedDocument, insertOutboxMessage, insertTimelineEvent, listActionInvoices,
  markActionOutcome, withTenant, type ActionInvoiceRow, type ClaimedActionRow, type SendSettingsRow, type TenantTx,
} from "@relance/db";
import { scheduleSendTime, type RateTables, type SendWindowSettings } from "@relance/domain";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { createMailer } from "../channels/email/create-mailer.ts";
import type { Mailer } from "../channels/email/email-message.ts";
import { renderLetterPdf } from "../channels/letters/render-letter-pdf.ts";
import { createSmsSender } from "../channels/sms/create-sms-sender.ts";
import type { SmsSender } from "../channels/sms/sms-message.ts";
import { loadPolicyVersions, loadRateTables, stepOf } from "./dunning-policies.ts";
import { buildTemplateContext, localeOf, renderStepMessage, type RenderedMessage, type SenderIdentity } from "./message-context.ts";

export interface SendOptions {
  now: Date;
  /** `smtp://…`; blank or absent: messages are recorded in the outbox, not sent (see createMailer). */
  smtpUrl?: string;
  sms?: { providerUrl?: string; apiKey?: string };
  sender?: SenderIdentity;
  /** Stop after this many actions (the rest waits for the next run). */
  limit?: number;
}

export interface SendReport {
  /** Outside the send window: nothing sent, everything left planned until `nextWindow`. */
  deferred: { count: number; nextWindow: { date: string; time: string } } | null;
  sent: number;
  failed: number;
}

const localTime = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

const windowOf = (s: SendSettingsRow): SendWindowSettings => ({
  quietHours: { start: s.quietHoursStart, end: s.quietHoursEnd },
  sendOnWeekends: s.sendOnSaturdays,
  sendOnSundays: s.sendOnSundays,
});

interface Channels {
  mailer: Mailer;
  sms: SmsSender;
}

interface Delivery {
  status: "sent" | "recorded";
  recipient: string;
  messageId: string | null;
  message: RenderedMessage;
  documentId?: string;
}

const deliver = async (
  tx: TenantTx, orgId: string, channels: Channels, action: ClaimedActionRow, invoices: ActionInvoiceRow[], message: RenderedMessage,
  settings: SendSettingsRow, sender: SenderIdentity, today: string, templateKey: string,
): Promise<Delivery> => {
  if (action.channel === "email") {
    if (action.debtorEmail === null) throw new Error("the debtor has no e-mail address");
    const result = await channels.mailer.send({
      from: { name: settings.orgName, address: sender.email }, to: action.debtorEmail, subject: message.subject || settings.orgName, text: message.body,
      headers: { "X-Relance-Action": action.id },
    });
    return { status: channels.mailer.mode === "smtp" ? "sent" : "recorded", recipient: action.debtorEmail, messageId: result.messageId, message };
  }
  if (action.channel === "sms") {
    if (action.debtorPhone === null) throw new Error("the debtor has no phone number");
    const result = await channels.sms.send({ to: action.debtorPhone, text: message.body, reference: action.id });
    return { status: channels.sms.mode === "http" ? "sent" : "recorded", recipient: result.to, messageId: `sms:${result.id}`, message };
  }
  const locale = localeOf(action);
  const pdf = await renderLetterPdf({
    locale: locale === "en-GB" ? "en" : "fr",
    currency: invoices[0]?.currency ?? "EUR",
    sender: { name: settings.orgName, addressLines: sender.address ? [sender.address] : [] },
    recipient: { name: action.debtorName, addressLines: action.addressLines },
    place: "",
    date: today,
    subject: message.subject || settings.orgName,
    paragraphs: message.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== ""),
    invoices: invoices.map((i) => ({
      number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, amount: { amountMinor: i.amountMinor, currency: i.currency }, open: { amountMinor: i.openMinor, currency: i.currency },
    })),
  });
  const kind = templateKey.startsWith("formal_notice") ? "formal_notice" : "letter";
  const documentId = await insertGeneratedDocument(tx, { orgId, caseId: action.caseId, actionId: action.id, kind, fileName: `${kind}-${today}-${action.id.slice(0, 8)}.pdf`, content: pdf });
  return { status: "recorded", recipient: action.debtorName, messageId: null, message, documentId };
};

/**
 * Sends the planned actions due today, one transaction per action: the action is claimed (FOR UPDATE SKIP LOCKED),
 * delivered, and its status, outbox row and timeline event committed together, so concurrent senders never send one
 * action twice. Outside the tenant's send window nothing is sent and the actions stay planned. Calls stay planned
 * as tasks for a person.
 */
export const sendDueActions = async (deps: ServiceDeps, orgId: string, options: SendOptions): Promise<SendReport> => {
  const { settings, tables } = await withTenant(deps.db.sql, orgId, async (tx) => ({ settings: await findSendSettings(tx), tables: await loadRateTables(tx) }));
  const today = calendarDate(options.now, settings.timeZone);
  const now = localTime(options.now, settings.timeZone);
  const slot = scheduleSendTime(today, now, windowOf(settings));
  if (slot.date !== today || slot.time !== now) {
    const count = await withTenant(deps.db.sql, orgId, (tx) => countDueActions(tx, today));
    return { deferred: { count, nextWindow: slot }, sent: 0, failed: 0 };
  }
  const sender: SenderIdentity = options.sender ?? { email: `relances@${settings.orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "relance"}.invalid` };
  const channels: Channels = {
    mailer: createMailer({ smtpUrl: options.smtpUrl, onOutbox: () => undefined, clock: deps.clock }),
    sms: createSmsSender({ ...options.sms, onOutbox: () => undefined, defaultCountry: settings.country, clock: deps.clock }),
  };
  const report: SendReport = { deferred: null, sent: 0, failed: 0 };
  try {
    while (options.limit === undefined || report.sent + report.failed < options.limit) {
      const outcome = await withTenant(deps.db.sql, orgId, (tx) => sendOne(tx, orgId, channels, settings, sender, tables, today));
      if (outcome === "none") break;
      report[outcome] += 1;
    }
  } finally {
    channels.mailer.close();
  }
  return report;
};

const sendOne = async (
  tx: TenantTx, orgId: string, channels: Channels, settings: SendSettingsRow, sender: SenderIdentity, tables: RateTables, today: string,
): Promise<"sent" | "failed" | "none"> => {
  const action = await claimNextDueAction(tx, today);
  if (action === undefined) return "none";
  const invoices = await listActionInvoices(tx, action.id);
  const policy = (await loadPolicyVersions(tx, [action.policyVersionId])).get(action.policyVersionId)!;
  const step = stepOf(policy, action.stepIndex);
  const outboxChannel = action.channel;
  let delivery: Delivery;
  try {
    const message = renderStepMessage(step, buildTemplateContext(settings, sender, action, invoices, today, tables), localeOf(action));
    delivery = await deliver(tx, orgId, channels, action, invoices, message, settings, sender, today, step.templateKey);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await insertOutboxMessage(tx, {
      orgId, actionId: action.id, caseId: action.caseId, channel: outboxChannel, recipient: action.debtorEmail ?? action.debtorPhone ?? action.debtorName,
      subject: null, body: `(${step.templateKey})`, messageId: null, status: "failed", error: text,
    });
    await markActionOutcome(tx, action.id, "failed", { error: text });
    return "failed";
  }
  await insertOutboxMessage(tx, {
    orgId, actionId: action.id, caseId: action.caseId, channel: outboxChannel, recipient: delivery.recipient, subject: delivery.message.subject || null,
    body: delivery.message.body, messageId: delivery.messageId, status: delivery.status, error: null,
  });
  await markActionOutcome(tx, action.id, "sent", { delivery: delivery.status, messageId: delivery.messageId, documentId: delivery.documentId ?? null });
  await insertTimelineEvent(tx, {
    orgId, debtorId: action.debtorId, caseId: action.caseId, kind: action.channel === "letter" ? "document" : "reminder", actorId: null,
    payload: { actionId: action.id, channel: action.channel, stepIndex: action.stepIndex, level: action.level, templateKey: step.templateKey, invoices: invoices.map((i) => i.number), messageId: delivery.messageId, documentId: delivery.documentId ?? null },
  });
  return "sent";
};
