import { claimDueMentionEmails, findMentionEmailContext, finishMentionEmail, insertMentionOutboxMessage, withTenant, type MentionEmailContext } from "@relance/db";
import type { EmailAddress, Mailer } from "../channels/email/email-message.ts";
import type { ServiceDeps } from "../deps.ts";
import { excerptOf } from "./chat-dto.ts";

const LEASE_MS = 5 * 60_000;

export interface MentionEmailOptions {
  mailer: Mailer;
  /** Whether the member has a live connection right now (on any node): then the bell told him, no e-mail. */
  isOnline: (orgId: string, userId: string) => Promise<boolean>;
  /** The address users reach, for the link to the case; without it the e-mail says where to look. */
  publicUrl?: string | undefined;
  from?: EmailAddress;
  now?: Date;
  limit?: number;
  /** One tenant only (the CLI, tests); every tenant by default. */
  orgId?: string;
}

export interface MentionEmailReport {
  sent: number;
  recorded: number;
  skipped: number;
  failed: number;
}

const composeMentionEmail = (c: MentionEmailContext, publicUrl: string | undefined): { subject: string; text: string } => {
  const who = c.actorName ?? (c.locale === "fr" ? "Quelqu'un" : "Someone");
  const excerpt = excerptOf(c.body, c.mentionNames);
  const link = publicUrl ? `${publicUrl.replace(/\/$/, "")}/cases/${c.caseId}?message=${c.messageSeq}` : null;
  if (c.locale === "fr") {
    return {
      subject: `${who} vous a mentionné·e dans le dossier ${c.debtorName}`,
      text: [`Bonjour ${c.recipientName},`, "", `${who} vous a mentionné·e dans le dossier ${c.debtorName} :`, "", `« ${excerpt} »`, "",
        link ? `Ouvrir la discussion : ${link}` : "Ouvrez Relance pour répondre (la cloche affiche vos mentions)."].join("\n"),
    };
  }
  return {
    subject: `${who} mentioned you in the ${c.debtorName} case`,
    text: [`Hello ${c.recipientName},`, "", `${who} mentioned you in the ${c.debtorName} case:`, "", `"${excerpt}"`, "",
      link ? `Open the conversation: ${link}` : "Open Relance to answer (the bell lists your mentions)."].join("\n"),
  };
};

/**
 * E-mails the mentions that are due (a few minutes old), still unread, to members with no live connection. Each
 * notification is claimed by one node (SKIP LOCKED and a lease), e-mailed at most once, and recorded in the outbox
 * (sent, or what would have been sent without SMTP).
 */
export const sendDueMentionEmails = async (deps: ServiceDeps, options: MentionEmailOptions): Promise<MentionEmailReport> => {
  const report: MentionEmailReport = { sent: 0, recorded: 0, skipped: 0, failed: 0 };
  const now = options.now ?? deps.clock.now();
  const due = await claimDueMentionEmails(deps.db.sql, { now, leaseMs: LEASE_MS, limit: options.limit ?? 50, orgId: options.orgId });
  const from = options.from ?? { name: "Relance", address: `notifications@${options.publicUrl ? new URL(options.publicUrl).hostname : "relance.invalid"}` };
  for (const n of due) {
    const context = await withTenant(deps.db.sql, n.orgId, (tx) => findMentionEmailContext(tx, n.id));
    if (!context || context.readAt !== null || context.deleted || (await options.isOnline(n.orgId, n.userId))) {
      await finishMentionEmail(deps.db.sql, n.id, "skipped");
      report.skipped += 1;
      continue;
    }
    const { subject, text } = composeMentionEmail(context, options.publicUrl);
    let status: "sent" | "recorded" | "failed";
    let messageId: string | null = null;
    let error: string | null = null;
    try {
      messageId = (await options.mailer.send({ from, to: { name: context.recipientName, address: context.recipientEmail }, subject, text })).messageId;
      status = options.mailer.mode === "smtp" ? "sent" : "recorded";
    } catch (e) {
      status = "failed";
      error = e instanceof Error ? e.message : String(e);
    }
    await withTenant(deps.db.sql, n.orgId, (tx) =>
      insertMentionOutboxMessage(tx, { orgId: n.orgId, caseId: context.caseId, recipient: context.recipientEmail, subject, body: text, messageId, status, error }),
    );
    await finishMentionEmail(deps.db.sql, n.id, status);
    report[status] += 1;
  }
  return report;
};
