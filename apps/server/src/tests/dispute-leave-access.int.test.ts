import { disputeDocumentName, YJS_CLOSE_ACCESS_REVOKED } from "@relance/domain";
import { connectClient, waitSynced } from "@relance/realtime/testing";
import { listReasons, openDispute } from "@relance/services";
import { addInvoices, buildCase, buildMember, buildOrg, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import { ask, collect, expectOk, nextEvent, openChatClient, type ChatClient } from "./chat-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const sockets: ChatClient[] = [];
const providers: WebsocketProvider[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const tokens = new Map<string, string>();
const tokenOf = async (member: TestMember) => {
  if (!tokens.has(member.userId)) tokens.set(member.userId, await signInMember(t.server.deps, member));
  return tokens.get(member.userId)!;
};
const newId = () => crypto.randomUUID();

/** A tRPC call as the member, over HTTP: "ok" or the error code. */
const trpc = async (member: TestMember, path: string, input: unknown, method: "GET" | "POST") => {
  const cookie = `relance_session=${await tokenOf(member)}`;
  const res =
    method === "GET"
      ? await fetch(`${t.origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
      : await fetch(`${t.origin}/trpc/${path}`, { method: "POST", headers: { cookie, origin: t.origin, "content-type": "application/json" }, body: JSON.stringify(input) });
  const json = (await res.json()) as { error?: { data?: { code?: string } } };
  return json.error ? (json.error.data?.code ?? "ERROR") : "ok";
};

const openNotes = async (member: TestMember, docName: string) => {
  const provider = connectClient(`ws://127.0.0.1:${t.server.port}/yjs`, docName, {
    headers: { origin: t.origin, cookie: `relance_session=${await tokenOf(member)}` },
  });
  providers.push(provider);
  return provider;
};

describe("a sales rep removed from a dispute", () => {
  it("loses the chat, the case reads and the notes at once when the dispute was all he had; a rep still entitled keeps them", async () => {
    const deps = t.server.deps;
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager", { displayName: "Sophie" });
    const disputeOnly = await buildMember(deps, org, "sales", { displayName: "Thomas" });
    const inTwo = await buildMember(deps, org, "sales", { displayName: "Emma" });
    const { caseId, debtorId } = await buildCase(deps, org);
    const [invoiceA] = (await deps.db.sql<{ id: string }[]>`select id from invoices where debtor_id = ${debtorId}`).map((r) => r.id);
    const { "F-2": invoiceB } = await addInvoices(deps, org, debtorId, [{ number: "F-2", dueDate: "2026-02-10", amountMinor: 20_000 }]);
    const reasonId = (await listReasons(deps, cm))[0]!.id;
    const { disputeId } = await openDispute(deps, cm, { caseId, invoiceIds: [invoiceA!], reasonId, participantIds: [disputeOnly.userId, inTwo.userId] });
    // Emma also works a second dispute of the case
    await openDispute(deps, cm, { caseId, invoiceIds: [invoiceB!], reasonId, participantIds: [inTwo.userId] });

    const owner = await openChatClient(t.origin, await tokenOf(cm), sockets);
    const thomas = await openChatClient(t.origin, await tokenOf(disputeOnly), sockets);
    const emma = await openChatClient(t.origin, await tokenOf(inTwo), sockets);
    for (const s of [owner, thomas, emma]) await expectOk(ask(s, "chat:since", { caseId, afterSeq: null, afterRev: 0 }));
    const thomasNotes = await openNotes(disputeOnly, disputeDocumentName(disputeId));
    const emmaNotes = await openNotes(inTwo, disputeDocumentName(disputeId));
    await Promise.all([waitSynced(thomasNotes), waitSynced(emmaNotes)]);
    expect(await trpc(disputeOnly, "cases.get", { caseId }, "GET")).toBe("ok");

    const notesClosed = new Promise<{ code: number; reason: string }>((resolve) => thomasNotes.once("closed", resolve));
    expect(await trpc(cm, "disputes.update", { disputeId, removeParticipantIds: [disputeOnly.userId, inTwo.userId] }, "POST")).toBe("ok");
    expect(await notesClosed).toEqual({ code: YJS_CLOSE_ACCESS_REVOKED, reason: "access revoked" });

    const thomasGot = collect(thomas, "chat:message");
    const after = await expectOk(ask(owner, "chat:send", { caseId, clientId: newId(), body: "Dispute handed to billing." }));
    await nextEvent(emma, "chat:message", (m) => m.id === after.id);
    expect(thomasGot).toEqual([]);
    expect(await ask(thomas, "chat:since", { caseId, afterSeq: null, afterRev: 0 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await trpc(disputeOnly, "cases.get", { caseId }, "GET")).toBe("NOT_FOUND");
    expect(await trpc(disputeOnly, "disputes.get", { disputeId }, "GET")).toBe("NOT_FOUND");
    // reopening his notes is refused (an HTTP refusal of the upgrade: the editor was told why by the close above)
    const again = await openNotes(disputeOnly, disputeDocumentName(disputeId));
    const refused = await new Promise<string>((resolve) => again.once("connection-close", () => resolve("closed")));
    expect(refused).toBe("closed");
    expect(again.synced).toBe(false);

    // Emma still takes part in the other dispute: nothing changed for her
    expect(emmaNotes.wsconnected).toBe(true);
    expect(await trpc(inTwo, "cases.get", { caseId }, "GET")).toBe("ok");
    await expectOk(ask(emma, "chat:send", { caseId, clientId: newId(), body: "Still on it." }));
  });
});
