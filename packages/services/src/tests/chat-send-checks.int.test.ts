import { postPlainChatMessage, withTenant, type Database } from "@relance/db";
import { mentionToken } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeCaseParticipant } from "../cases/case-access.ts";
import { sendChatMessage } from "../chat/send-chat-message.ts";
import type { ServiceDeps } from "../deps.ts";
import { changeMemberRole, removeMember } from "../members/manage-members.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught } from "./cases-fixtures.ts";

// The common send is checked and stored by one statement: these are the checks it must make as they stand at that
// very moment (the actor handed in still carries what the connection was opened with).

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const send = (actor: { userId: string; orgId: string; role: string }, caseId: string, body = "hello") =>
  sendChatMessage(deps, actor as Parameters<typeof sendChatMessage>[1], { caseId, clientId: crypto.randomUUID(), body });
const storedCount = (orgId: string, caseId: string) =>
  withTenant(deps.db.sql, orgId, async (tx) => (await tx<{ n: number }[]>`select count(*)::int as n from chat_messages where case_id = ${caseId}`)[0]!.n);
const counterOf = (orgId: string, caseId: string) =>
  withTenant(deps.db.sql, orgId, async (tx) => (await tx<{ s: number }[]>`select last_seq as s from chat_case_counters where case_id = ${caseId}`)[0]?.s ?? 0);

describe("a plain send, checked in its own statement", () => {
  it("follows a role change on the very next send, both ways, and refuses a removed member", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const cm = await buildMember(deps, org, "credit_manager", { displayName: "Sophie Bernard" });
    const { caseId } = await buildCase(deps, org);
    const first = await send(cm, caseId, "before");
    expect(first.message).toMatchObject({ seq: 1, authorName: "Sophie Bernard", body: "before", mentions: [], attachments: [] });

    await changeMemberRole(deps, admin, { userId: cm.userId, role: "manager" });
    // his connection still says credit manager: the statement reads the role as it is now
    expect((await caught(send(cm, caseId, "as a manager now"))).code).toBe("FORBIDDEN");
    await changeMemberRole(deps, admin, { userId: cm.userId, role: "credit_manager" });
    // and a connection opened as a manager may post once he is a credit manager again
    expect((await send({ ...cm, role: "manager" }, caseId, "back")).message.seq).toBe(2);

    await removeMember(deps, admin, cm.userId);
    expect((await caught(send(cm, caseId, "gone"))).code).toBe("NOT_FOUND");
    expect(await storedCount(org.id, caseId)).toBe(2);
    expect(await counterOf(org.id, caseId)).toBe(2);
  });

  it("lets a sales rep post only where the access rule lets him see, as it stands at each send", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const rep = await buildMember(deps, org, "sales", { displayName: "Thomas Roux" });
    const owning = await buildMember(deps, org, "sales");
    const { caseId } = await buildCase(deps, org, { salesOwnerId: owning.userId });
    await withTenant(deps.db.sql, org.id, (tx) => tx`update cases set assignee_id = ${cm.userId} where id = ${caseId}`);

    expect((await send(owning, caseId)).created).toBe(true);
    expect((await caught(send(rep, caseId))).code).toBe("NOT_FOUND");
    // brought in by a mention: he posts; his grant revoked: the very next send is refused
    await send(cm, caseId, `${mentionToken(rep.userId)} can you check?`);
    expect((await send(rep, caseId, "on it")).message.authorName).toBe("Thomas Roux");
    await revokeCaseParticipant(deps, cm, { caseId, userId: rep.userId });
    expect((await caught(send(rep, caseId, "one more"))).code).toBe("NOT_FOUND");
    // the debtor handed over to him: he sees the case again, without any grant
    await withTenant(deps.db.sql, org.id, (tx) =>
      tx`update debtors set sales_owner_id = ${rep.userId} where id = (select debtor_id from cases where id = ${caseId})`);
    expect((await send(rep, caseId, "mine now")).message.seq).toBe(4);
    expect((await caught(send(owning, caseId))).code).toBe("NOT_FOUND");
    expect(await counterOf(org.id, caseId)).toBe(4);
  });

  it("answers another tenant's case as not found and moves none of its numbers", async () => {
    const mine = await buildOrg(deps);
    const me = await buildMember(deps, mine, "admin");
    const theirs = await buildOrg(deps);
    const them = await buildMember(deps, theirs, "admin");
    const { caseId } = await buildCase(deps, theirs);
    await send(them, caseId);
    expect((await caught(send(me, caseId))).code).toBe("NOT_FOUND");
    expect(await counterOf(theirs.id, caseId)).toBe(1);
    expect(await storedCount(theirs.id, caseId)).toBe(1);
  });
});

describe("the one-call send (chat_post_plain)", () => {
  const leftOnConnection = async (conn: { unsafe: Database["sql"]["unsafe"] }) =>
    (await conn.unsafe<{ org: string | null; role: string }[]>("select nullif(current_setting('app.org_id', true), '') as org, current_user as role"))[0]!;

  it("commits the message and leaves nothing of the tenant on the connection", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId } = await buildCase(deps, org);
    const conn = await deps.db.sql.reserve();
    try {
      const row = await postPlainChatMessage(conn, { orgId: org.id, caseId, clientId: crypto.randomUUID(), authorId: cm.userId, body: "kept", posterRoles: ["credit_manager"] });
      expect(row).toMatchObject({ caseId, seq: 1, body: "kept" });
      const after = await leftOnConnection(conn);
      expect(after.org).toBeNull();
      expect(after.role).not.toBe("relance_app");
    } finally {
      conn.release();
    }
    expect(await storedCount(org.id, caseId)).toBe(1);
  });

  it("sees only the tenant it is given: another tenant's case stores nothing and moves no number", async () => {
    const mine = await buildOrg(deps);
    const me = await buildMember(deps, mine, "admin");
    const theirs = await buildOrg(deps);
    const { caseId } = await buildCase(deps, theirs);
    const row = await postPlainChatMessage(deps.db.sql, { orgId: mine.id, caseId, clientId: crypto.randomUUID(), authorId: me.userId, body: "x", posterRoles: ["admin"] });
    expect(row).toBeUndefined();
    expect(await counterOf(theirs.id, caseId)).toBe(0);
    expect(await storedCount(theirs.id, caseId)).toBe(0);
  });

  it("rolls back whole when the store fails, and the connection serves the next send", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId } = await buildCase(deps, org);
    const conn = await deps.db.sql.reserve();
    try {
      // a body over the column's limit fails the insert after the counter was bumped in the same call
      const failed = await postPlainChatMessage(conn, { orgId: org.id, caseId, clientId: crypto.randomUUID(), authorId: cm.userId, body: "x".repeat(10_001), posterRoles: ["credit_manager"] })
        .then(() => null, (e: unknown) => e);
      expect(String((failed as Error | null)?.message)).toMatch(/chat_messages_body_check/);
      expect(await leftOnConnection(conn)).toMatchObject({ org: null });
      // the counter's bump went with the failed insert: the next message still gets number 1
      const next = await postPlainChatMessage(conn, { orgId: org.id, caseId, clientId: crypto.randomUUID(), authorId: cm.userId, body: "fine", posterRoles: ["credit_manager"] });
      expect(next?.seq).toBe(1);
    } finally {
      conn.release();
    }
  });
});
