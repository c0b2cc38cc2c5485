import { createMailer, sendDueMentionEmails, type ServiceDeps } from "@relance/services";
import type { Server } from "socket.io";
import { runPeriodically } from "./periodic-task.ts";
import type { Logger } from "./socket-handler.ts";

export interface MentionMailer {
  /** One pass now (tests, shutdown): e-mails what is due. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether a member has a live connection on any node (the adapter asks the others). */
export const memberOnline =
  (io: Server, userRoom: (orgId: string, userId: string) => string) =>
  async (orgId: string, userId: string): Promise<boolean> =>
    (await io.in(userRoom(orgId, userId)).fetchSockets()).length > 0;

/**
 * E-mails unread mentions to members who stayed offline: every `intervalMs`, due notifications are claimed (one node
 * each) and a member with no live connection on any node (asked through the adapter) gets the e-mail.
 */
export const startMentionMailer = (
  deps: ServiceDeps,
  io: Server,
  options: { intervalMs: number; userRoom: (orgId: string, userId: string) => string; smtpUrl?: string | undefined; publicUrl?: string | undefined; logger: Logger },
): MentionMailer => {
  const isOnline = memberOnline(io, options.userRoom);
  const runOnce = async () => {
    const mailer = createMailer({ ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}), onOutbox: () => undefined, clock: deps.clock });
    try {
      const report = await sendDueMentionEmails(deps, { mailer, isOnline, publicUrl: options.publicUrl });
      if (report.sent + report.recorded + report.failed > 0) options.logger.info("mention e-mails", { ...report });
    } finally {
      mailer.close();
    }
  };
  const task = runPeriodically(runOnce, { intervalMs: options.intervalMs, logger: options.logger, failure: "mention e-mails failed" });
  return { runOnce, stop: task.stop };
};
