import type { AddressInfo } from "node:net";
import { withTenant, type Database } from "@relance/db";
import { mentionToken } from "@relance/domain";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeCaseParticipant } from "../cases/case-access.ts";
import { createMailer } from "../channels/email/create-mailer.ts";
import { deleteChatMessage, editChatMessage } from "../chat/change-chat-message.ts";
import { readChatAttachment, uploadChatAttachment } from "../chat/chat-attachments.ts";
import { listMyNotifications, markAllMyNotificationsRead, markMyNotificationsRead } from "../chat/mention-notifications.ts";
import { catchUpChat, chatHistory } from "../chat/read-chat.ts";
import { sendChatMessage } from "../chat/send-chat-message.ts";
import { sendDueMentionEmails } from "../chat/send-mention-emails.ts";
import type { ServiceDeps } from "../deps.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
let clock: ReturnType<typeof buildDeps>["clock"];
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps, clock } = buildDeps(db));
});
afterAll(async () => db.close());

const tenant = async () => {
  const org = await buildOrg(deps);
  const admin = await buildMember(deps, org, "admin");
  const cm = await buildMember(deps, org, "credit_manager", { displayName: "Sophie Bernard" });
  const rep = await buildMember(deps, org, "sales", { displayName: "Thomas Roux" });
  const manager = await buildMember(deps, org, "manager");
  const { caseId } = await buildCase(deps, org);
  return { org, admin, cm, rep, manager, caseId };
};

const rowsOf = (orgId: string, caseId: string) =>
  withTenant(deps.db.sql, orgId, (tx) => tx<{ seq: number; clientId: string }[]>`
    select seq, client_id as "clientId" from chat_messages where case_id = ${caseId} order by seq`);

describe("sending", () => {
  it("stores a message before answering, and a retried client id once, answered with the same message", async () => {
    const { org, cm, caseId } = await tenant();
    const clientId = crypto.randomUUID();
    const first = await sendChatMessage(deps, cm, { caseId, clientId, body: "Le client conteste la facture 12" });
    expect(first.created).toBe(true);
    expect(first.message).toMatchObject({ seq: 1, clientId, authorId: cm.userId, authorName: "Sophie Bernard", body: "Le client conteste la facture 12" });
    expect(await rowsOf(org.id, caseId)).toEqual([{ seq: 1, clientId }]);
    const retry = await sendChatMessage(deps, cm, { caseId, clientId, body: "Le client conteste la facture 12" });
    expect(retry).toEqual({ ...first, created: false });
    expect(await rowsOf(org.id, caseId)).toHaveLength(1);
  });

  it("stores once a message whose sends race each other, answering every one of them with it", async () => {
    const { org, cm, caseId } = await tenant();
    const clientId = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => sendChatMessage(deps, cm, { caseId, clientId, body: "sent five times" })));
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await rowsOf(org.id, caseId)).toEqual([{ seq: 1, clientId }]);
    // and the next message follows without a gap
    expect((await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "next" })).message.seq).toBe(2);
  });

  it("numbers concurrent messages of a case without gaps or duplicates", async () => {
    const { org, cm, admin, caseId } = await tenant();
    const sends = Array.from({ length: 12 }, (_, i) => sendChatMessage(deps, i % 2 ? cm : admin, { caseId, clientId: crypto.randomUUID(), body: `m${i}` }));
    const results = await Promise.all(sends);
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await rowsOf(org.id, caseId)).map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("refuses a client id used for another case, an empty or too long body, and stores nothing", async () => {
    const { org, cm, caseId } = await tenant();
    const other = await buildCase(deps, org);
    const clientId = crypto.randomUUID();
    await sendChatMessage(deps, cm, { caseId, clientId, body: "one" });
    expect((await caught(sendChatMessage(deps, cm, { caseId: other.caseId, clientId, body: "two" }))).code).toBe("CONFLICT");
    const tooLong = await caught(sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "x".repeat(10_001) }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.details.fields).toEqual([{ path: "body", message: "a message holds at most 10,000 characters" }]);
    expect((await caught(sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "   " }))).details.fields?.[0]?.path).toBe("body");
    expect(await rowsOf(org.id, caseId)).toHaveLength(1);
    expect(await rowsOf(org.id, other.caseId)).toHaveLength(0);
  });
});

describe("catching up and history", () => {
  it("answers what followed a sequence number, with the edits and deletions made since, from the database", async () => {
    const { cm, admin, caseId } = await tenant();
    const sent = [];
    for (let i = 1; i <= 5; i++) sent.push((await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `m${i}` })).message);
    const seen = await catchUpChat(deps, cm, { caseId, afterSeq: null, afterRev: 0 });
    expect(seen).toMatchObject({ lastSeq: 5, lastRev: 5 });
    expect(seen.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    // while "offline": one edit, one deletion (by an admin), two new messages
    await editChatMessage(deps, cm, { caseId, messageId: sent[1]!.id, body: "m2, corrected" });
    await deleteChatMessage(deps, admin, { caseId, messageId: sent[2]!.id });
    await sendChatMessage(deps, admin, { caseId, clientId: crypto.randomUUID(), body: "m6" });
    await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "m7" });
    const missed = await catchUpChat(deps, cm, { caseId, afterSeq: 5, afterRev: seen.lastRev });
    expect(missed.messages.map((m) => [m.seq, m.body, m.editedAt !== null, m.deletedAt !== null])).toEqual([
      [2, "m2, corrected", true, false],
      [3, "", false, true],
      [6, "m6", false, false],
      [7, "m7", false, false],
    ]);
    expect(missed).toMatchObject({ lastSeq: 7, lastRev: 9, hasMore: false });
    expect((await catchUpChat(deps, cm, { caseId, afterSeq: 7, afterRev: 9 })).messages).toEqual([]);
  });

  it("pages backwards from a sequence number", async () => {
    const { cm, caseId } = await tenant();
    for (let i = 1; i <= 7; i++) await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `m${i}` });
    const page = await chatHistory(deps, cm, { caseId, before: 6, limit: 3 });
    expect(page.messages.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(page.hasMore).toBe(true);
    const last = await chatHistory(deps, cm, { caseId, before: 3, limit: 3 });
    expect(last.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(last.hasMore).toBe(false);
  });
});

describe("edits and deletions", () => {
  it("lets only the author edit, the author or an admin delete, and keeps the message's place", async () => {
    const { cm, admin, rep, org, caseId } = await tenant();
    const other = await buildMember(deps, org, "credit_manager");
    const { message } = await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "draft" });
    expect((await caught(editChatMessage(deps, other, { caseId, messageId: message.id, body: "hijack" }))).code).toBe("FORBIDDEN");
    expect((await caught(editChatMessage(deps, admin, { caseId, messageId: message.id, body: "hijack" }))).code).toBe("FORBIDDEN");
    expect((await caught(deleteChatMessage(deps, other, { caseId, messageId: message.id }))).code).toBe("FORBIDDEN");
    expect((await caught(deleteChatMessage(deps, rep, { caseId, messageId: message.id }))).code).toBe("NOT_FOUND");
    const edited = await editChatMessage(deps, cm, { caseId, messageId: message.id, body: "final" });
    expect(edited.message).toMatchObject({ seq: message.seq, body: "final" });
    expect(edited.message.editedAt).not.toBeNull();
    const deleted = await deleteChatMessage(deps, cm, { caseId, messageId: message.id });
    expect(deleted).toMatchObject({ seq: message.seq, body: "", mentions: [], attachments: [] });
    expect((await caught(editChatMessage(deps, cm, { caseId, messageId: message.id, body: "again" }))).code).toBe("CONFLICT");
    const own = await sendChatMessage(deps, other, { caseId, clientId: crypto.randomUUID(), body: "mine" });
    expect((await deleteChatMessage(deps, admin, { caseId, messageId: own.message.id })).deletedAt).not.toBeNull();
  });
});

describe("mentions", () => {
  it("brings the mentioned rep into the case with a notification, in the message's transaction, until revoked", async () => {
    const { cm, rep, admin, caseId } = await tenant();
    expect((await caught(catchUpChat(deps, rep, { caseId, afterSeq: null, afterRev: 0 }))).code).toBe("NOT_FOUND");
    const sent = await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `${mentionToken(rep.userId)} can you check the delivery?` });
    expect(sent.message.mentions).toEqual([{ userId: rep.userId, displayName: "Thomas Roux" }]);
    expect(sent.notifications).toEqual([
      expect.objectContaining({ userId: rep.userId, caseId, messageSeq: 1, actorName: "Sophie Bernard", excerpt: "@Thomas Roux can you check the delivery?" }),
    ]);
    const inbox = await listMyNotifications(deps, rep);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ caseId, messageSeq: 1 });
    // the rep now reads and writes in this case
    expect((await catchUpChat(deps, rep, { caseId, afterSeq: 0, afterRev: 0 })).messages).toHaveLength(1);
    await sendChatMessage(deps, rep, { caseId, clientId: crypto.randomUUID(), body: "Delivered on the 3rd, signed." });
    // another member cannot mark his notification read, even knowing its id
    expect(await markMyNotificationsRead(deps, admin, { ids: [inbox.items[0]!.id] })).toEqual({ changed: 0 });
    expect((await listMyNotifications(deps, rep)).unread).toBe(1);
    await markMyNotificationsRead(deps, rep, { ids: [inbox.items[0]!.id] });
    expect((await listMyNotifications(deps, rep)).unread).toBe(0);
    // revoked: every chat service refuses him again
    expect((await caught(revokeCaseParticipant(deps, cm, { caseId, userId: rep.userId }))).code).toBe("FORBIDDEN");
    await revokeCaseParticipant(deps, admin, { caseId, userId: rep.userId });
    expect((await caught(sendChatMessage(deps, rep, { caseId, clientId: crypto.randomUUID(), body: "still here?" }))).code).toBe("NOT_FOUND");
    expect((await caught(catchUpChat(deps, rep, { caseId, afterSeq: 0, afterRev: 0 }))).code).toBe("NOT_FOUND");
  });

  it("refuses a mention of someone who is not a member (another tenant's user) and stores nothing", async () => {
    const { cm, org, caseId } = await tenant();
    const stranger = await buildMember(deps, await buildOrg(deps), "sales");
    const refused = await caught(sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `hi ${mentionToken(stranger.userId)}` }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.details.fields?.[0]?.path).toBe("body");
    expect(await rowsOf(org.id, caseId)).toHaveLength(0);
  });

  it("notifies members newly mentioned by an edit, once, and marks all read", async () => {
    const { cm, rep, admin, caseId } = await tenant();
    const { message } = await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `${mentionToken(admin.userId)} fyi` });
    const edited = await editChatMessage(deps, cm, { caseId, messageId: message.id, body: `${mentionToken(admin.userId)} ${mentionToken(rep.userId)} fyi` });
    expect(edited.notifications.map((n) => n.userId)).toEqual([rep.userId]);
    expect((await listMyNotifications(deps, admin)).unread).toBe(1);
    expect(await markAllMyNotificationsRead(deps, admin)).toEqual({ changed: 1 });
  });
});

describe("attachments", () => {
  it("stores an accepted file, attaches it to a message, and serves it only to those who see the case", async () => {
    const { org, cm, rep, caseId } = await tenant();
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n");
    const uploaded = await uploadChatAttachment(deps, cm, { caseId, fileName: "../bon de livraison.pdf", content: pdf });
    expect(uploaded).toMatchObject({ fileName: "bon de livraison.pdf", contentType: "application/pdf", sizeBytes: pdf.length });
    expect((await caught(readChatAttachment(deps, { ...cm, userId: (await buildMember(deps, org, "admin")).userId, role: "admin" }, uploaded.id))).code).toBe("NOT_FOUND");
    const { message } = await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "", attachmentIds: [uploaded.id] });
    expect(message.attachments).toEqual([uploaded]);
    expect((await readChatAttachment(deps, cm, uploaded.id)).content.equals(pdf)).toBe(true);
    expect((await caught(readChatAttachment(deps, rep, uploaded.id))).code).toBe("NOT_FOUND");
    const outsider = await buildMember(deps, await buildOrg(deps), "admin");
    expect((await caught(readChatAttachment(deps, outsider, uploaded.id))).code).toBe("NOT_FOUND");
    // attached once only
    expect((await caught(sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: "again", attachmentIds: [uploaded.id] }))).code).toBe("NOT_FOUND");
    await deleteChatMessage(deps, cm, { caseId, messageId: message.id });
    expect((await caught(readChatAttachment(deps, cm, uploaded.id))).code).toBe("NOT_FOUND");
  });

  it("refuses a file whose content is not an accepted kind, and a manager's upload", async () => {
    const { cm, manager, caseId } = await tenant();
    const exe = await caught(uploadChatAttachment(deps, cm, { caseId, fileName: "invoice.pdf", content: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }));
    expect(exe.code).toBe("BAD_REQUEST");
    expect(exe.details.fields?.[0]?.path).toBe("file");
    expect((await caught(uploadChatAttachment(deps, manager, { caseId, fileName: "a.txt", content: Buffer.from("hello") }))).code).toBe("FORBIDDEN");
  });
});

describe("tenant isolation", () => {
  it("answers another tenant's case and message as not found", async () => {
    const a = await tenant();
    const b = await tenant();
    const { message } = await sendChatMessage(deps, a.cm, { caseId: a.caseId, clientId: crypto.randomUUID(), body: "secret" });
    expect((await caught(sendChatMessage(deps, b.admin, { caseId: a.caseId, clientId: crypto.randomUUID(), body: "x" }))).code).toBe("NOT_FOUND");
    expect((await caught(catchUpChat(deps, b.admin, { caseId: a.caseId, afterSeq: 0, afterRev: 0 }))).code).toBe("NOT_FOUND");
    expect((await caught(deleteChatMessage(deps, b.admin, { caseId: b.caseId, messageId: message.id }))).code).toBe("NOT_FOUND");
    // the same client id in another tenant is another message
    const reused = await sendChatMessage(deps, b.cm, { caseId: b.caseId, clientId: message.clientId, body: "mine" });
    expect(reused.created).toBe(true);
  });
});

describe("mention e-mails", () => {
  it("e-mails an unread mention of a member offline after the delay, once, through SMTP, and skips the others", async () => {
    const received: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { org, cm, rep, admin, manager, caseId } = await tenant();
      await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `${mentionToken(rep.userId)} ${mentionToken(admin.userId)} ${mentionToken(manager.userId)} see https://example.com/pod` });
      const inbox = await listMyNotifications(deps, manager);
      await markMyNotificationsRead(deps, manager, { ids: inbox.items.map((n) => n.id) });
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
      const isOnline = async (_orgId: string, userId: string) => userId === admin.userId;
      const options = { mailer, isOnline, publicUrl: "https://relance.example.com", orgId: org.id };
      expect(await sendDueMentionEmails(deps, { ...options, now: new Date(clock.now().getTime() + 60_000) })).toEqual({ sent: 0, recorded: 0, skipped: 0, failed: 0 });
      expect(await sendDueMentionEmails(deps, { ...options, now: new Date(clock.now().getTime() + 5 * 60_000 + 1) })).toEqual({ sent: 1, recorded: 0, skipped: 2, failed: 0 });
      expect(await sendDueMentionEmails(deps, { ...options, now: new Date(clock.now().getTime() + 60 * 60_000) })).toEqual({ sent: 0, recorded: 0, skipped: 0, failed: 0 });
      mailer.close();
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]!);
      expect(mail.subject).toContain("Sophie Bernard");
      expect(mail.text).toContain(`https://relance.example.com/cases/${caseId}?message=1`);
      expect(mail.text).toContain("@Thomas Roux");
      const outbox = await withTenant(deps.db.sql, org.id, (tx) => tx`select recipient, status from outbox_messages where case_id = ${caseId}`);
      expect(outbox.map((r) => [r.recipient, r.status])).toEqual([[rep.email, "sent"]]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("records the e-mail in the outbox when no SMTP server is configured", async () => {
    const { org, cm, rep, caseId } = await tenant();
    await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `${mentionToken(rep.userId)} ping` });
    const report = await sendDueMentionEmails(deps, { mailer: createMailer(), isOnline: async () => false, orgId: org.id, now: new Date(clock.now().getTime() + 10 * 60_000) });
    expect(report).toEqual({ sent: 0, recorded: 1, skipped: 0, failed: 0 });
    const outbox = await withTenant(deps.db.sql, org.id, (tx) => tx`select recipient, status from outbox_messages where case_id = ${caseId}`);
    expect(outbox.map((r) => [r.recipient, r.status])).toEqual([[rep.email, "recorded"]]);
  });
});
