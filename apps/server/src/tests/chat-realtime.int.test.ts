import { withTenant } from "@relance/db";
import { mentionToken, type ChatMessage } from "@relance/domain";
import { buildCase, buildMember, buildOrg, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, collect, expectOk, nextEvent, openChatClient, type ChatClient } from "./chat-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const sockets: ChatClient[] = [];
beforeAll(async () => {
  t = await startTestServer({ CHAT_ATTACHMENT_MAX_BYTES: "4096" });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const open = async (member: TestMember) => openChatClient(t.origin, await signInMember(t.server.deps, member), sockets);
const tokens = new Map<string, string>();
const tokenOf = async (member: TestMember) => {
  const known = tokens.get(member.userId);
  if (known) return known;
  const token = await signInMember(t.server.deps, member);
  tokens.set(member.userId, token);
  return token;
};
const newId = () => crypto.randomUUID();
const storedCount = (orgId: string, caseId: string) =>
  withTenant(t.server.deps.db.sql, orgId, async (tx) => (await tx<{ n: number }[]>`select count(*)::int as n from chat_messages where case_id = ${caseId}`)[0]!.n);

/** The people of the access matrix, around one case whose debtor a rep owns and which a credit manager is assigned. */
const dispute = async () => {
  const deps = t.server.deps;
  const org = await buildOrg(deps);
  const admin = await buildMember(deps, org, "admin", { displayName: "Claire Admin" });
  const owner = await buildMember(deps, org, "credit_manager", { displayName: "Sophie Owner" });
  const otherCm = await buildMember(deps, org, "credit_manager", { displayName: "Other Cm" });
  const mentionedRep = await buildMember(deps, org, "sales", { displayName: "Thomas Mentioned" });
  const unmentionedRep = await buildMember(deps, org, "sales", { displayName: "Emma Unmentioned" });
  const owningRep = await buildMember(deps, org, "sales", { displayName: "Olivier Owning" });
  const manager = await buildMember(deps, org, "manager", { displayName: "Marc Manager" });
  const outsider = await buildMember(deps, await buildOrg(deps), "admin", { displayName: "Outsider" });
  const { caseId } = await buildCase(deps, org, { salesOwnerId: owningRep.userId });
  await withTenant(deps.db.sql, org.id, (tx) => tx`update cases set assignee_id = ${owner.userId} where id = ${caseId}`);
  return { org, admin, owner, otherCm, mentionedRep, unmentionedRep, owningRep, manager, outsider, caseId };
};

const trpc = async (member: TestMember, path: string, input: unknown, method: "GET" | "POST") => {
  const cookie = `relance_session=${await tokenOf(member)}`;
  const res =
    method === "GET"
      ? await fetch(`${t.origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
      : await fetch(`${t.origin}/trpc/${path}`, { method: "POST", headers: { cookie, origin: t.origin, "content-type": "application/json" }, body: JSON.stringify(input) });
  const json = (await res.json()) as { result?: unknown; error?: { data?: { code?: string } } };
  return json.error ? (json.error.data?.code ?? "ERROR") : "ok";
};

describe("case chat over Socket.IO", () => {
  it("acknowledges a message once stored, tells the room, and answers a retried client id with the same message, stored once", async () => {
    const d = await dispute();
    const a = await open(d.owner);
    const b = await open(d.otherCm);
    await expectOk(ask(a, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    await expectOk(ask(b, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    const seenByB = nextEvent(b, "chat:message");
    const clientId = newId();
    const first = await expectOk(ask(a, "chat:send", { caseId: d.caseId, clientId, body: "Le client conteste la livraison" }));
    expect(await storedCount(d.org.id, d.caseId)).toBe(1);
    expect(await seenByB).toEqual(first);
    const again = await expectOk(ask(a, "chat:send", { caseId: d.caseId, clientId, body: "Le client conteste la livraison" }));
    expect(again).toEqual(first);
    expect(await storedCount(d.org.id, d.caseId)).toBe(1);
  });

  it("replays from the database what a reconnecting client missed: no gap, no duplicate, edits included", async () => {
    const d = await dispute();
    const a = await open(d.owner);
    const b = await open(d.otherCm);
    const start = await expectOk(ask(a, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    const mine: ChatMessage[] = [];
    for (let i = 1; i <= 3; i++) mine.push(await expectOk(ask(a, "chat:send", { caseId: d.caseId, clientId: newId(), body: `a${i}` })));
    const lastRev = Math.max(start.lastRev, ...mine.map((m) => m.rev));
    a.disconnect();
    for (let i = 4; i <= 6; i++) await expectOk(ask(b, "chat:send", { caseId: d.caseId, clientId: newId(), body: `b${i}` }));
    await expectOk(ask(b, "chat:delete", { caseId: d.caseId, messageId: (await expectOk(ask(b, "chat:since", { caseId: d.caseId, afterSeq: 5, afterRev: 1e9 }))).messages[0]!.id }));
    const back = await open(d.owner);
    await expectOk(ask(back, "chat:edit", { caseId: d.caseId, messageId: mine[1]!.id, body: "a2 edited" }));
    const live = collect(back, "chat:message");
    const missed = await expectOk(ask(back, "chat:since", { caseId: d.caseId, afterSeq: 3, afterRev: lastRev }));
    expect(missed.messages.map((m) => [m.seq, m.body, m.deletedAt !== null])).toEqual([
      [2, "a2 edited", false],
      [4, "b4", false],
      [5, "b5", false],
      [6, "", true],
    ]);
    // and the room reaches the reconnected client again
    const sent = await expectOk(ask(b, "chat:send", { caseId: d.caseId, clientId: newId(), body: "b7" }));
    await nextEvent(back, "chat:message", (m) => m.seq === 7);
    expect(live.map((m) => m.id)).toEqual([sent.id]);
  });

  it("answers a refusal with the service's translation key, for the interface to say it in its language", async () => {
    const d = await dispute();
    const manager = await open(d.manager);
    const owner = await open(d.owner);
    const other = await open(d.otherCm);
    expect(await ask(manager, "chat:send", { caseId: d.caseId, clientId: newId(), body: "Can I?" })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Managers read the case chat but do not post in it.", key: "chat.readOnly" },
    });
    const mine = await expectOk(ask(owner, "chat:send", { caseId: d.caseId, clientId: newId(), body: "Mine." }));
    expect(await ask(other, "chat:edit", { caseId: d.caseId, messageId: mine.id, body: "Theirs." })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Only its author can edit a message.", key: "chat.editForbidden" },
    });
  });

  it("refuses malformed and oversized payloads with a clear error, or closes only that connection", async () => {
    const d = await dispute();
    const a = await open(d.owner);
    const b = await open(d.otherCm);
    const tooLong = await ask(a, "chat:send", { caseId: d.caseId, clientId: newId(), body: "x".repeat(10_001) });
    expect(tooLong).toEqual({ ok: false, error: { code: "BAD_REQUEST", message: "Invalid chat:send payload: body: a message holds at most 10,000 characters", key: null } });
    const badId = await ask(a, "chat:send", { caseId: "nope", clientId: newId(), body: "x" });
    expect(!badId.ok && badId.error.message).toBe("Invalid chat:send payload: caseId: caseId must be a case id");
    const extra = await ask(a, "chat:edit", { caseId: d.caseId, messageId: newId(), body: "x", html: "<b>" } as never);
    expect(!extra.ok && extra.error.code).toBe("BAD_REQUEST");
    const notText = await ask(a, "chat:send", { caseId: d.caseId, clientId: newId(), body: 42 } as never);
    expect(!notText.ok && notText.error.message).toContain("body");
    expect(await storedCount(d.org.id, d.caseId)).toBe(0);
    const closed = new Promise<string>((resolve) => a.once("disconnect", resolve));
    a.emit("chat:send", { caseId: d.caseId, clientId: newId(), body: "y".repeat(200_000) }, () => undefined);
    expect(await closed).toBe("transport close");
    expect(b.connected).toBe(true);
    expect((await ask(b, "chat:send", { caseId: d.caseId, clientId: newId(), body: "still fine" })).ok).toBe(true);
  });

  it("enforces the access rule on every chat event and procedure, for every kind of person", async () => {
    const d = await dispute();
    const ownerSocket = await open(d.owner);
    await expectOk(ask(ownerSocket, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    const ownersMessage = await expectOk(ask(ownerSocket, "chat:send", { caseId: d.caseId, clientId: newId(), body: `${mentionToken(d.mentionedRep.userId)} please look` }));
    const people = { owner: d.owner, otherCm: d.otherCm, mentionedRep: d.mentionedRep, unmentionedRep: d.unmentionedRep, owningRep: d.owningRep, manager: d.manager, otherTenant: d.outsider };
    const matrix: Record<string, Record<string, string>> = {};
    for (const [name, member] of Object.entries(people)) {
      const s = name === "owner" ? ownerSocket : await open(member);
      const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "ok" : r.error!.code);
      const row: Record<string, string> = {};
      row.since = code(await ask(s, "chat:since", { caseId: d.caseId, afterSeq: 0, afterRev: 0 }));
      row.history = code(await ask(s, "chat:history", { caseId: d.caseId, before: 1000 }));
      const sent = await ask(s, "chat:send", { caseId: d.caseId, clientId: newId(), body: `from ${name}` });
      row.send = code(sent);
      const target = sent.ok ? sent.data.id : ownersMessage.id;
      row.edit = code(await ask(s, "chat:edit", { caseId: d.caseId, messageId: target, body: `edited by ${name}` }));
      row.typing = code(await ask(s, "chat:typing", { caseId: d.caseId }));
      row.delete = code(await ask(s, "chat:delete", { caseId: d.caseId, messageId: target }));
      row.participants = await trpc(member, "cases.participants", { caseId: d.caseId }, "GET");
      row.revokeAccess = name === "owner" ? "(below)" : await trpc(member, "cases.revokeAccess", { caseId: d.caseId, userId: d.mentionedRep.userId }, "POST");
      matrix[name] = row;
    }
    const all = (v: string, revoke: string) => ({ since: v, history: v, send: v, edit: v, typing: v, delete: v, participants: v, revokeAccess: revoke });
    expect(matrix).toEqual({
      owner: all("ok", "(below)"),
      otherCm: all("ok", "FORBIDDEN"),
      mentionedRep: all("ok", "FORBIDDEN"),
      unmentionedRep: all("NOT_FOUND", "NOT_FOUND"),
      owningRep: all("ok", "FORBIDDEN"),
      // managers watch: they read the chat and its people, they do not post
      manager: { since: "ok", history: "ok", send: "FORBIDDEN", edit: "FORBIDDEN", typing: "FORBIDDEN", delete: "FORBIDDEN", participants: "ok", revokeAccess: "FORBIDDEN" },
      otherTenant: all("NOT_FOUND", "NOT_FOUND"),
    });
    // the other procedures are the caller's own or the tenant's: another tenant's member sees none of this tenant
    expect(await trpc(d.outsider, "notifications.markRead", { ids: [newId()] }, "POST")).toBe("ok");
    expect(await trpc(d.unmentionedRep, "chat.members", undefined, "GET")).toBe("ok");
  });

  it("notifies a mentioned rep live, lets him in, and shuts him out at once when his access is revoked", async () => {
    const d = await dispute();
    const owner = await open(d.owner);
    const other = await open(d.otherCm);
    const rep = await open(d.mentionedRep);
    await expectOk(ask(owner, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    await expectOk(ask(other, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    expect(await ask(rep, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const notified = nextEvent(rep, "notification:new");
    const mention = await expectOk(ask(owner, "chat:send", { caseId: d.caseId, clientId: newId(), body: `${mentionToken(d.mentionedRep.userId)} did they receive it?` }));
    expect(await notified).toMatchObject({ caseId: d.caseId, messageId: mention.id, messageSeq: mention.seq, actorName: "Sophie Owner", excerpt: "@Thomas Mentioned did they receive it?" });
    const history = await expectOk(ask(rep, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    expect(history.messages.map((m) => m.id)).toEqual([mention.id]);
    const ownerSees = nextEvent(owner, "chat:message", (m) => m.authorId === d.mentionedRep.userId);
    await expectOk(ask(rep, "chat:send", { caseId: d.caseId, clientId: newId(), body: "Yes, signed on the 3rd." }));
    await ownerSees;

    expect(await trpc(d.owner, "cases.revokeAccess", { caseId: d.caseId, userId: d.mentionedRep.userId }, "POST")).toBe("ok");
    const repGot = collect(rep, "chat:message");
    const afterRevoke = await expectOk(ask(owner, "chat:send", { caseId: d.caseId, clientId: newId(), body: "Thanks, closing the dispute." }));
    await nextEvent(other, "chat:message", (m) => m.id === afterRevoke.id);
    for (const event of [
      ask(rep, "chat:send", { caseId: d.caseId, clientId: newId(), body: "one more thing" }),
      ask(rep, "chat:typing", { caseId: d.caseId }),
      ask(rep, "chat:since", { caseId: d.caseId, afterSeq: 0, afterRev: 0 }),
      ask(rep, "chat:history", { caseId: d.caseId, before: 100 }),
    ]) {
      expect(await event).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect(repGot).toEqual([]);
    expect(await trpc(d.mentionedRep, "cases.participants", { caseId: d.caseId }, "GET")).toBe("NOT_FOUND");
  });

  it("shows others who is typing, at most every two seconds per connection, and never the typist himself", async () => {
    const d = await dispute();
    const a = await open(d.owner);
    const b = await open(d.otherCm);
    await expectOk(ask(a, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    await expectOk(ask(b, "chat:since", { caseId: d.caseId, afterSeq: null, afterRev: 0 }));
    const seenByB = collect(b, "chat:typing");
    const seenByA = collect(a, "chat:typing");
    for (let i = 0; i < 5; i++) await expectOk(ask(a, "chat:typing", { caseId: d.caseId }));
    const synced = nextEvent(a, "chat:message");
    await expectOk(ask(b, "chat:send", { caseId: d.caseId, clientId: newId(), body: "sync point" }));
    await synced;
    expect(seenByB).toEqual([{ caseId: d.caseId, userId: d.owner.userId, displayName: "Sophie Owner" }]);
    expect(seenByA).toEqual([]);
  });
});

describe("chat attachments over HTTP", () => {
  const upload = async (member: TestMember, caseId: string, fileName: string, body: Buffer) =>
    fetch(`${t.origin}/api/cases/${caseId}/attachments?fileName=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { cookie: `relance_session=${await tokenOf(member)}`, origin: t.origin, "content-type": "application/octet-stream" },
      body: new Uint8Array(body),
    });

  it("accepts a file by its content, serves it as a download to those who see the case, and refuses the rest", async () => {
    const d = await dispute();
    const pdf = Buffer.from("%PDF-1.7\n% bon de livraison\n");
    const res = await upload(d.owner, d.caseId, "Bon de livraison n°3.pdf", pdf);
    expect(res.status).toBe(201);
    const attachment = (await res.json()) as { id: string; contentType: string };
    expect(attachment.contentType).toBe("application/pdf");
    const a = await open(d.owner);
    const message = await expectOk(ask(a, "chat:send", { caseId: d.caseId, clientId: newId(), body: "", attachmentIds: [attachment.id] }));
    expect(message.attachments.map((x) => x.id)).toEqual([attachment.id]);

    const download = async (member: TestMember) =>
      fetch(`${t.origin}/api/chat-attachments/${attachment.id}`, { headers: { cookie: `relance_session=${await tokenOf(member)}` } });
    const got = await download(d.owningRep);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="Bon de livraison n_3.pdf"; filename*=UTF-8''Bon%20de%20livraison%20n%C2%B03.pdf`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download(d.unmentionedRep)).status).toBe(404);
    expect((await download(d.outsider)).status).toBe(404);

    const exe = await upload(d.owner, d.caseId, "invoice.pdf", Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe("file");
    const big = await upload(d.owner, d.caseId, "big.txt", Buffer.alloc(5000, "a"));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toContain("largest file accepted");
    expect((await upload(d.manager, d.caseId, "a.txt", Buffer.from("hello"))).status).toBe(403);
    expect((await upload(d.outsider, d.caseId, "a.txt", Buffer.from("hello"))).status).toBe(404);
    const count = await withTenant(t.server.deps.db.sql, d.org.id, async (tx) => (await tx<{ n: number }[]>`select count(*)::int as n from chat_attachments`)[0]!.n);
    expect(count).toBe(1);
  });
});
