import { insertMentionOutboxMessage, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent, ServiceDeps } from "../deps.ts";
import { receiveInboundEmail } from "../channels/email/receive-inbound-email.ts";
import { buildDeps, buildOrg, buildSentReminder, inboundEmailFixture, openTestDatabase } from "../testing/index.ts";
import { caught } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
const events: DomainEvent[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  deps = { ...buildDeps(db).deps, events: { emit: (event) => events.push(event) } };
});
afterAll(async () => {
  await db.close();
});

/** Everything an inbound message may change in a tenant. */
const footprint = (org: OrganizationRow) =>
  withTenant(db.sql, org.id, async (tx) => {
    const [row] = await tx<{ events: string[]; outbox: string[]; alerts: number; inbound: number }[]>`
      select (select coalesce(array_agg(kind order by id), '{}') from timeline_events) as events,
             (select coalesce(array_agg(status order by created_at), '{}') from outbox_messages) as outbox,
             (select count(*)::int from alerts) as alerts, (select count(*)::int from inbound_emails) as inbound`;
    return row!;
  });

const lastEvent = (org: OrganizationRow, caseId: string) =>
  withTenant(db.sql, org.id, async (tx) => {
    const [row] = await tx<{ kind: string; payload: Record<string, unknown>; actorId: string | null }[]>`
      select kind, payload, actor_id as "actorId" from timeline_events where case_id = ${caseId} order by id desc limit 1`;
    return row!;
  });

describe("receiveInboundEmail: replies", () => {
  it("writes a debtor's reply on the case timeline without the quoted history, alerts the collectors, and records it once", async () => {
    const org = await buildOrg(deps, { name: "Acme" });
    const other = await buildOrg(deps, { name: "Other" });
    const sent = await buildSentReminder(deps, org);
    await buildSentReminder(deps, other);
    const before = await footprint(other);
    events.length = 0;

    const raw = inboundEmailFixture("gmail-reply", { messageId: sent.messageId, inboundId: "CAF=reply-1@mail.gmail.example" });
    const result = await receiveInboundEmail(deps, raw);
    expect(result).toMatchObject({ status: "recorded", kind: "reply", outboxMessageId: sent.outboxMessageId, caseId: sent.caseId, alerts: 1 });
    expect(await lastEvent(org, sent.caseId)).toEqual({
      kind: "reply",
      actorId: null,
      payload: {
        outboxMessageId: sent.outboxMessageId, messageId: sent.messageId, inboundMessageId: "<CAF=reply-1@mail.gmail.example>",
        from: "jeanne.martin@negoce.example", text: "Bonjour,\n\nLe virement de 1 250,00 € part demain, désolée pour le retard.\n\nJeanne Martin",
        trimmed: true, automatic: false,
      },
    });
    const [alert] = await withTenant(db.sql, org.id, (tx) => tx<{ kind: string; userId: string; caseId: string; payload: { from: string; excerpt: string } }[]>`
      select kind, user_id as "userId", case_id as "caseId", payload from alerts`);
    expect(alert).toMatchObject({ kind: "debtor_replied", userId: sent.manager.userId, caseId: sent.caseId, payload: { from: "jeanne.martin@negoce.example" } });
    expect(alert!.payload.excerpt).toContain("Le virement de 1 250,00 €");
    expect(events).toMatchObject([
      { type: "alerts.raised", orgId: org.id, userId: sent.manager.userId, alerts: [{ kind: "debtor_replied", caseId: sent.caseId }] },
      // open pages of the case show the reply
      { type: "case.changed", orgId: org.id, caseId: sent.caseId },
    ]);

    const after = await footprint(org);
    expect(after).toEqual({ events: ["reminder", "reply"], outbox: ["recorded"], alerts: 1, inbound: 1 });
    expect(await receiveInboundEmail(deps, raw)).toEqual({ status: "duplicate", kind: "reply", outboxMessageId: sent.outboxMessageId });
    expect(await footprint(org)).toEqual(after);
    expect(await footprint(other)).toEqual(before);
  });

  it("writes an out-of-office answer as automatic, and alerts no one", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const result = await receiveInboundEmail(deps, inboundEmailFixture("outlook-out-of-office", { messageId: sent.messageId }));
    expect(result).toMatchObject({ status: "recorded", kind: "reply", alerts: 0 });
    expect((await lastEvent(org, sent.caseId)).payload).toMatchObject({
      from: "jeanne.martin@negoce.example", automatic: true, trimmed: false,
      text: "Bonjour,\n\nJe suis absente jusqu'au 16 mars inclus. Pour toute question urgente, écrivez à comptabilite@negoce.example.\n\nJeanne Martin",
    });
    expect(await footprint(org)).toMatchObject({ events: ["reminder", "reply"], outbox: ["recorded"], alerts: 0 });
  });
});

describe("receiveInboundEmail: delivery reports", () => {
  it("marks the message bounced on a permanent failure, with the remote server's reason, and tells the timeline once", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const raw = inboundEmailFixture("postfix-bounce", { messageId: sent.messageId });
    expect(await receiveInboundEmail(deps, raw)).toMatchObject({ status: "recorded", kind: "bounce", alerts: 0 });
    const diagnostic = "550 5.1.1 <compta@negoce.example>: Recipient address rejected: User unknown in virtual mailbox table";
    expect((await lastEvent(org, sent.caseId)).payload).toMatchObject({
      recipient: "compta@negoce.example", status: "5.1.1", diagnostic, permanent: true, delayed: false, messageId: sent.messageId,
    });
    const [outbox] = await withTenant(db.sql, org.id, (tx) => tx<{ status: string; error: string }[]>`select status, error from outbox_messages`);
    expect(outbox).toEqual({ status: "bounced", error: `5.1.1 ${diagnostic}` });
    expect((await receiveInboundEmail(deps, raw)).status).toBe("duplicate");
    expect(await footprint(org)).toEqual({ events: ["reminder", "bounce"], outbox: ["bounced"], alerts: 0, inbound: 1 });
  });

  it("tells a delay once per message and leaves the message as it is", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const first = await receiveInboundEmail(deps, inboundEmailFixture("postfix-delay", { messageId: sent.messageId }));
    expect(first).toMatchObject({ status: "recorded", kind: "delay" });
    expect((await lastEvent(org, sent.caseId))).toMatchObject({ kind: "bounce", payload: { status: "4.4.1", permanent: false, delayed: true } });
    // the MTA warns again hours later: another message, about the same one of ours
    expect(await receiveInboundEmail(deps, inboundEmailFixture("postfix-delay", { messageId: sent.messageId }))).toMatchObject({ status: "duplicate", kind: "delay" });
    expect(await footprint(org)).toEqual({ events: ["reminder", "bounce"], outbox: ["recorded"], alerts: 0, inbound: 1 });
  });
});

describe("receiveInboundEmail: e-mails to members", () => {
  it("keeps a member's mention e-mail off the debtor's timeline: a reply is ignored, a bounce only marks the outbox", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const messageId = "<relance.5b9c0d52-1111-4a8e-9a57-0d7c2b1e9f10@acme.example>";
    await withTenant(db.sql, org.id, (tx) => insertMentionOutboxMessage(tx, {
      orgId: org.id, caseId: sent.caseId, recipient: sent.manager.email, subject: "Vous êtes mentionné", body: "…", messageId, status: "recorded", error: null,
    }));
    expect(await receiveInboundEmail(deps, inboundEmailFixture("gmail-reply", { messageId }))).toEqual({
      status: "ignored", reason: "a reply to a notification sent to a member, not to a debtor",
    });
    expect(await receiveInboundEmail(deps, inboundEmailFixture("postfix-bounce", { messageId }))).toMatchObject({ status: "recorded", kind: "bounce", timelineEventId: null });
    expect(await footprint(org)).toEqual({ events: ["reminder"], outbox: ["recorded", "bounced"], alerts: 0, inbound: 1 });
  });
});

describe("receiveInboundEmail: what is not ours, and bad input", () => {
  it("ignores replies and reports about messages it does not know, with the reason, changing nothing", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const before = await footprint(org);
    const unknown = "<relance.00000000-0000-4000-8000-000000000000@acme.example>";
    expect(await receiveInboundEmail(deps, inboundEmailFixture("gmail-reply", { messageId: unknown }))).toEqual({
      status: "ignored", reason: `no message of ours has the Message-ID ${unknown}`,
    });
    expect(await receiveInboundEmail(deps, inboundEmailFixture("gmail-reply", { messageId: "<CAF123@mail.gmail.example>" }))).toEqual({
      status: "ignored", reason: "neither a reply to one of our messages nor a delivery report about one",
    });
    expect(await receiveInboundEmail(deps, inboundEmailFixture("postfix-bounce", { messageId: "<someone-else@their.example>" }))).toMatchObject({ status: "ignored" });
    const noQuote = inboundEmailFixture("postfix-bounce", { messageId: sent.messageId }).toString("utf8").replace(/^Message-ID: .*$/m, "X-Nothing: here");
    expect(await receiveInboundEmail(deps, noQuote)).toEqual({ status: "ignored", reason: "the delivery report does not quote the Message-ID of the message it is about" });
    expect(await footprint(org)).toEqual(before);
  });

  it("refuses what is not an e-mail, or too large, with a clear error and nothing changed", async () => {
    const org = await buildOrg(deps);
    const sent = await buildSentReminder(deps, org);
    const before = await footprint(org);
    const notMail = await caught(receiveInboundEmail(deps, "%PDF-1.7\n1 0 obj\n"));
    expect(notMail).toMatchObject({ code: "BAD_REQUEST", message: 'message: line 1 is not a header field ("%PDF-1.7"): not an e-mail (RFC 5322) message' });
    const huge = Buffer.concat([inboundEmailFixture("gmail-reply", { messageId: sent.messageId }), Buffer.alloc(11 * 1024 * 1024, 0x61)]);
    expect(await caught(receiveInboundEmail(deps, huge))).toMatchObject({ code: "BAD_REQUEST", message: "message: is larger than 10 MB, the largest accepted" });
    expect(await footprint(org)).toEqual(before);
  });
});
