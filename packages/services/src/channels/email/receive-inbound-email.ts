import {
  appendTimelineEvent, findAnsweredCase, findMessageAnswered, findOrganizationTimeZone, insertAlertsIfNew, insertInboundEmailIfNew,
  listCollectorIds, markOutboxMessageBounced, withTenant, type AlertRow, type AnsweredMessageRow, type TenantTx,
} from "@relance/db";
import { calendarDate, emitEvent, type ServiceDeps } from "../../deps.ts";
import { toCollectionAlert } from "../../collection/alerts/raise-alerts.ts";
import { checkRawEmail, type RawEmail } from "./check-raw-email.ts";
import { withBrackets } from "./message-id.ts";
import { parseDeliveryStatus, type DeliveryFailure, type DeliveryReply } from "./parse-delivery-status.ts";
import { trimQuotedReply } from "./trim-quoted-reply.ts";

export type InboundEmailKind = "reply" | "bounce" | "delay";

export type InboundEmailResult =
  | { status: "recorded"; kind: InboundEmailKind; outboxMessageId: string; caseId: string | null; timelineEventId: string | null; alerts: number }
  | { status: "duplicate"; kind: InboundEmailKind; outboxMessageId: string }
  | { status: "ignored"; reason: string };

const MAX_DIAGNOSTIC_LENGTH = 1000;
const ALERT_EXCERPT_LENGTH = 200;

const ignored = (reason: string): InboundEmailResult => ({ status: "ignored", reason });

const cap = (text: string | null, max: number): string | null => (text === null || text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const kindOf = (parsed: DeliveryReply | DeliveryFailure): InboundEmailKind => (parsed.kind === "reply" ? "reply" : parsed.kind);

/** What the timeline shows: the reply's sender and new text, or the failed address and the remote server's reason. */
const timelinePayload = (email: RawEmail, parsed: DeliveryReply | DeliveryFailure, answered: AnsweredMessageRow, ourId: string) => {
  const common = { outboxMessageId: answered.outboxMessageId, messageId: ourId, inboundMessageId: email.messageId };
  if (parsed.kind === "reply") {
    const { text, trimmed } = trimQuotedReply(parsed.text);
    return { ...common, from: parsed.from, text, trimmed, automatic: parsed.automatic };
  }
  return {
    ...common, recipient: parsed.recipient ?? answered.recipient, status: parsed.status, diagnostic: cap(parsed.diagnostic, MAX_DIAGNOSTIC_LENGTH),
    permanent: parsed.permanent, delayed: parsed.kind === "delay",
  };
};

interface AnsweredCase {
  caseId: string;
  debtorId: string;
  assigneeId: string | null;
}

/** "The debtor answered", for the case's assignee or, unassigned, every collector; once per inbound message. */
const raiseReplyAlerts = async (
  tx: TenantTx, answered: AnsweredMessageRow, subject: AnsweredCase, inboundId: string, reply: DeliveryReply, today: string,
): Promise<AlertRow[]> => {
  const userIds = subject.assigneeId ? [subject.assigneeId] : await listCollectorIds(tx);
  const excerpt = cap(trimQuotedReply(reply.text).text, ALERT_EXCERPT_LENGTH);
  return insertAlertsIfNew(tx, userIds.map((userId) => ({
    orgId: answered.orgId, userId, kind: "debtor_replied", caseId: subject.caseId, debtorId: subject.debtorId, dueOn: today,
    dedupeKey: `debtor-replied:${inboundId}:${userId}`, payload: { from: reply.from, excerpt, outboxMessageId: answered.outboxMessageId },
  })));
};

/** The case a message to the debtor was about: a reminder, or a thank-you sent to the debtor's address; not a mention e-mail to a member. */
const debtorCaseOf = async (tx: TenantTx, answered: AnsweredMessageRow): Promise<AnsweredCase | null> => {
  if (answered.caseId === null) return null;
  const found = await findAnsweredCase(tx, answered.caseId);
  if (found === undefined) return null;
  const toDebtor = answered.actionId !== null || answered.recipient.toLowerCase() === found.debtorEmail?.toLowerCase();
  return toDebtor ? { caseId: answered.caseId, debtorId: found.debtorId, assigneeId: found.assigneeId } : null;
};

/**
 * Takes one raw e-mail arriving at our return address: a reply to one of our messages, or a delivery report
 * (bounce, delay) about one. The message answered names the tenant and the case; the reply or the failure is written
 * on the case timeline, a permanent failure marks the outbox message bounced, a debtor's own reply (not an automatic
 * answer) alerts whoever follows the case. Nothing is paused. The same inbound message received again records
 * nothing more, and a delay is told once per message. Anything not about one of our messages is ignored, with why.
 */
export const receiveInboundEmail = async (deps: ServiceDeps, raw: string | Buffer): Promise<InboundEmailResult> => {
  const email = checkRawEmail(raw);
  const parsed = await parseDeliveryStatus(email.bytes);
  if (parsed === null) return ignored("neither a reply to one of our messages nor a delivery report about one");
  const ourId = parsed.kind === "reply" ? parsed.inReplyTo : parsed.originalMessageId;
  if (ourId === null) return ignored("the delivery report does not quote the Message-ID of the message it is about");
  const answered = await findMessageAnswered(deps.db.sql, withBrackets(ourId.trim()));
  if (answered === undefined) return ignored(`no message of ours has the Message-ID ${ourId}`);

  const kind = kindOf(parsed);
  const now = deps.clock.now();
  const today = calendarDate(now, (await findOrganizationTimeZone(deps.db.sql, answered.orgId)) ?? "Europe/Paris");
  const outcome = await withTenant(deps.db.sql, answered.orgId, async (tx) => {
    const subject = await debtorCaseOf(tx, answered);
    if (parsed.kind === "reply" && subject === null) return "not-to-debtor" as const;
    const inboundId = await insertInboundEmailIfNew(tx, { orgId: answered.orgId, inboundKey: email.key, outboxMessageId: answered.outboxMessageId, kind, receivedAt: now });
    if (inboundId === null) return "duplicate" as const;
    if (parsed.kind === "bounce" && parsed.permanent) {
      const reason = [parsed.status, parsed.diagnostic].filter((x) => x !== null).join(" ") || "bounced";
      await markOutboxMessageBounced(tx, answered.outboxMessageId, cap(reason, MAX_DIAGNOSTIC_LENGTH)!);
    }
    // a member's bounced mention e-mail is the outbox's business, not the debtor's timeline
    if (subject === null) return { timelineEventId: null, alerts: [] };
    const timelineEventId = await appendTimelineEvent(tx, {
      orgId: answered.orgId, debtorId: subject.debtorId, caseId: subject.caseId, kind: parsed.kind === "reply" ? "reply" : "bounce",
      payload: timelinePayload(email, parsed, answered, ourId), actorId: null, occurredAt: now,
    });
    const alerts = parsed.kind === "reply" && !parsed.automatic ? await raiseReplyAlerts(tx, answered, subject, inboundId, parsed, today) : [];
    return { timelineEventId, alerts };
  });
  if (outcome === "not-to-debtor") return ignored("a reply to a notification sent to a member, not to a debtor");
  if (outcome === "duplicate") return { status: "duplicate", kind, outboxMessageId: answered.outboxMessageId };
  for (const alert of outcome.alerts) {
    if (alert.userId !== null) emitEvent(deps, { type: "alerts.raised", orgId: answered.orgId, userId: alert.userId, alerts: [toCollectionAlert(alert)] });
  }
  if (outcome.timelineEventId !== null && answered.caseId !== null) emitEvent(deps, { type: "case.changed", orgId: answered.orgId, caseId: answered.caseId });
  return {
    status: "recorded", kind, outboxMessageId: answered.outboxMessageId, caseId: answered.caseId, timelineEventId: outcome.timelineEventId,
    alerts: outcome.alerts.length,
  };
};
