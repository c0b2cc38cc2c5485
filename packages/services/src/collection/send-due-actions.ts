import { claimNextDueAction, countDueActions, withTenant } from "@relance/db";
import { scheduleSendTime } from "@relance/domain";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { loadSendContext, openChannels, sendClaimedAction, windowOf, type SendContext } from "./send-action.ts";
import type { SenderIdentity } from "./message-context.ts";

export interface SendOptions {
  now: Date;
  /** `smtp://…`; blank or absent: messages are recorded in the outbox, not sent (see createMailer). */
  smtpUrl?: string;
  sms?: { providerUrl?: string; apiKey?: string };
  /** Overrides the tenant's sender details (tests, the CLI). */
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

export const localTime = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

/**
 * Sends the planned actions due today, one transaction per action: the action is claimed (FOR UPDATE SKIP LOCKED),
 * delivered, and its status, outbox row and timeline event committed together, so concurrent senders never send one
 * action twice. Outside the tenant's send window nothing is sent and the actions stay planned. Calls stay planned
 * as tasks for a person.
 */
export const sendDueActions = async (deps: ServiceDeps, orgId: string, options: SendOptions): Promise<SendReport> => {
  const base = await withTenant(deps.db.sql, orgId, (tx) => loadSendContext(tx, options.sender));
  const today = calendarDate(options.now, base.settings.timeZone);
  const now = localTime(options.now, base.settings.timeZone);
  const slot = scheduleSendTime(today, now, windowOf(base.settings));
  if (slot.date !== today || slot.time !== now) {
    const count = await withTenant(deps.db.sql, orgId, (tx) => countDueActions(tx, today));
    return { deferred: { count, nextWindow: slot }, sent: 0, failed: 0 };
  }
  const channels = openChannels(deps, options, base.settings.country);
  const context: SendContext = { ...base, orgId, channels, today, actorId: null };
  const report: SendReport = { deferred: null, sent: 0, failed: 0 };
  try {
    while (options.limit === undefined || report.sent + report.failed < options.limit) {
      const outcome = await withTenant(deps.db.sql, orgId, async (tx) => {
        const action = await claimNextDueAction(tx, today);
        return action === undefined ? "none" : (await sendClaimedAction(tx, context, action)).status;
      });
      if (outcome === "none") break;
      report[outcome] += 1;
    }
  } finally {
    channels.mailer.close();
  }
  return report;
};
