import {
  findSenderDetails, findSendSettings, insertGeneratedDocument, insertOutboxMessage, insertTimelineEvent, listActionInvoices, markActionOutcome,
  type ActionInvoiceRow, type ClaimedActionRow, type SenderDetailsRow, type SendSettingsRow, type TenantTx,
} from "@relance/db";
import type { DunningStep, RateTables, SendWindowSettings } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { createMailer } from "../channels/email/create-mailer.ts";
import type { Mailer } from "../channels/email/email-message.ts";
import { renderLetterPdf } from "../channels/letters/render-letter-pdf.ts";
import { createSmsSender } from "../channels/sms/create-sms-sender.ts";
import type { SmsSender } from "../channels/sms/sms-message.ts";
import { senderAddressLines, senderNameOf } from "../settings/letter-sender.ts";
import { buildActionLetter } from "./action-letter.ts";
import { loadPolicyVersions, loadRateTables, stepOf } from "./dunning-policies.ts";
import { buildTemplateContext, localeOf, renderStepMessage, type RenderedMessage, type SenderIdentity } from "./message-context.ts";

export const windowOf = (s: SendSettingsRow): SendWindowSettings => ({
  quietHours: { start: s.quietHoursStart, end: s.quietHoursEnd },
  sendOnWeekends: s.sendOnSaturdays,
  sendOnSundays: s.sendOnSundays,
});

export interface Channels {
  mailer: Mailer;
  sms: SmsSender;
}

/** What sending needs from the tenant, read once per run. */
export interface TenantSendContext {
  settings: SendSettingsRow;
  details: SenderDetailsRow;
  sender: SenderIdentity;
  tables: RateTables;
}

export interface SendContext extends TenantSendContext {
  orgId: string;
  channels: Channels;
  today: string;
  /** The member who asked for the send; null for the engine. */
  actorId: string | null;
}

const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "relance";

/** The sender as templates see it: the tenant's details, or an address nobody can answer when it gave none. */
export const senderIdentityOf = (d: SenderDetailsRow): SenderIdentity => {
  const address = senderAddressLines(d).join(", ");
  const iban = d.iban ?? d.qrIban;
  return {
    name: senderNameOf(d),
    email: d.email ?? `relances@${slugOf(d.orgName)}.invalid`,
    ...(d.phone === null ? {} : { phone: d.phone }),
    ...(iban === null ? {} : { iban }),
    ...(address === "" ? {} : { address }),
  };
};

export const loadSendContext = async (tx: TenantTx, override?: SenderIdentity): Promise<TenantSendContext> => {
  const details = await findSenderDetails(tx);
  return { settings: await findSendSettings(tx), details, sender: override ?? senderIdentityOf(details), tables: await loadRateTables(tx) };
};

export const openChannels = (deps: ServiceDeps, options: { smtpUrl?: string; sms?: { providerUrl?: string; apiKey?: string } }, country: "FR" | "CH"): Channels => ({
  mailer: createMailer({ smtpUrl: options.smtpUrl, onOutbox: () => undefined, clock: deps.clock }),
  sms: createSmsSender({ ...options.sms, onOutbox: () => undefined, defaultCountry: country, clock: deps.clock }),
});

/** The step's message for an action, as of the context's day (the same text for a preview and for the send). */
export const composeActionMessage = async (
  tx: TenantTx, context: TenantSendContext, action: ClaimedActionRow, today: string,
): Promise<{ step: DunningStep; invoices: ActionInvoiceRow[]; message: RenderedMessage }> => {
  const invoices = await listActionInvoices(tx, action.id);
  const policy = (await loadPolicyVersions(tx, [action.policyVersionId])).get(action.policyVersionId)!;
  const step = stepOf(policy, action.stepIndex);
  const message = renderStepMessage(step, buildTemplateContext(context.settings, context.sender, action, invoices, today, context.tables), localeOf(action));
  return { step, invoices, message };
};

export const renderActionLetter = (
  context: TenantSendContext, action: ClaimedActionRow, invoices: ActionInvoiceRow[], step: DunningStep, message: RenderedMessage, today: string,
): Promise<Buffer> => renderLetterPdf(buildActionLetter(context.details, action, invoices, step, message, today));

interface Delivery {
  status: "sent" | "recorded";
  recipient: string;
  messageId: string | null;
  documentId?: string;
}

const deliver = async (
  tx: TenantTx, context: SendContext, action: ClaimedActionRow, invoices: ActionInvoiceRow[], step: DunningStep, message: RenderedMessage,
): Promise<Delivery> => {
  const { channels, sender, today } = context;
  if (action.channel === "email") {
    if (action.debtorEmail === null) throw new Error("the debtor has no e-mail address");
    const result = await channels.mailer.send({
      from: { name: sender.name ?? context.settings.orgName, address: sender.email }, to: action.debtorEmail,
      subject: message.subject || context.settings.orgName, text: message.body, headers: { "X-Relance-Action": action.id },
    });
    return { status: channels.mailer.mode === "smtp" ? "sent" : "recorded", recipient: action.debtorEmail, messageId: result.messageId };
  }
  if (action.channel === "sms") {
    if (action.debtorPhone === null) throw new Error("the debtor has no phone number");
    const result = await channels.sms.send({ to: action.debtorPhone, text: message.body, reference: action.id });
    return { status: channels.sms.mode === "http" ? "sent" : "recorded", recipient: result.to, messageId: `sms:${result.id}` };
  }
  const pdf = await renderActionLetter(context, action, invoices, step, message, today);
  const kind = step.templateKey.startsWith("formal_notice") ? "formal_notice" : "letter";
  const documentId = await insertGeneratedDocument(tx, {
    orgId: context.orgId, caseId: action.caseId, actionId: action.id, kind, fileName: `${kind}-${today}-${action.id.slice(0, 8)}.pdf`, content: pdf,
  });
  return { status: "recorded", recipient: action.debtorName, messageId: null, documentId };
};

export type SendOutcome = { status: "sent"; outboxId: string } | { status: "failed"; outboxId: string; error: string };

/**
 * Delivers one claimed action and records it in the same transaction: the outbox row, the action's outcome and the
 * timeline event. A delivery that fails marks the action failed with the reason (it is not retried by itself).
 */
export const sendClaimedAction = async (tx: TenantTx, context: SendContext, action: ClaimedActionRow): Promise<SendOutcome> => {
  const { orgId, today } = context;
  let composed: Awaited<ReturnType<typeof composeActionMessage>> | undefined;
  let delivery: Delivery;
  try {
    composed = await composeActionMessage(tx, context, action, today);
    delivery = await deliver(tx, context, action, composed.invoices, composed.step, composed.message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const outboxId = await insertOutboxMessage(tx, {
      orgId, actionId: action.id, caseId: action.caseId, channel: action.channel, recipient: action.debtorEmail ?? action.debtorPhone ?? action.debtorName,
      subject: composed?.message.subject || null, body: composed?.message.body ?? "", messageId: null, status: "failed", error: text,
    });
    await markActionOutcome(tx, action.id, "failed", { error: text });
    return { status: "failed", outboxId, error: text };
  }
  const { step, invoices, message } = composed;
  const outboxId = await insertOutboxMessage(tx, {
    orgId, actionId: action.id, caseId: action.caseId, channel: action.channel, recipient: delivery.recipient, subject: message.subject || null,
    body: message.body, messageId: delivery.messageId, status: delivery.status, error: null,
  });
  await markActionOutcome(tx, action.id, "sent", { delivery: delivery.status, messageId: delivery.messageId, documentId: delivery.documentId ?? null, ...(context.actorId ? { by: context.actorId } : {}) });
  await insertTimelineEvent(tx, {
    orgId, debtorId: action.debtorId, caseId: action.caseId, kind: action.channel === "letter" ? "document" : "reminder", actorId: context.actorId,
    payload: { actionId: action.id, channel: action.channel, stepIndex: action.stepIndex, level: action.level, templateKey: step.templateKey, invoices: invoices.map((i) => i.number), messageId: delivery.messageId, documentId: delivery.documentId ?? null },
  });
  return { status: "sent", outboxId };
};
