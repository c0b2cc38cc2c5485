import type { Ack, DisputeChanged, PresenceUpdate } from "@relance/domain";
import { listReasons, openDispute, changeDisputeStatus } from "@relance/services";
import { buildCase, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSocket, type TestSocket as ClientSocket } from "./socket-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const openSocket = (token: string): Promise<ClientSocket> => openTestSocket(t.origin, token, sockets);

const join = (socket: ClientSocket, caseId: string) => new Promise<Ack<PresenceUpdate>>((resolve) => socket.emit("presence:join", { caseId }, resolve));

describe("dispute changes, live", () => {
  it("reach the people on the case, and only them", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const rep = await buildMember(deps, org, "sales");
    const elsewhere = await buildMember(deps, org, "billing");
    const { caseId } = await buildCase(deps, org);
    const { caseId: otherCase } = await buildCase(deps, org);
    const watcher = await openSocket(await signInMember(deps, cm));
    const other = await openSocket(await signInMember(deps, elsewhere));
    expect((await join(watcher, caseId)).ok).toBe(true);
    expect((await join(other, otherCase)).ok).toBe(true);
    const strays: DisputeChanged[] = [];
    other.on("dispute:changed", (c) => strays.push(c));

    const invoiceId = (await t.server.deps.db.sql<{ id: string }[]>`select i.id from invoices i join cases c on c.debtor_id = i.debtor_id where c.id = ${caseId}`)[0]!.id;
    const reasonId = (await listReasons(t.server.deps, cm))[0]!.id;
    const received = new Promise<DisputeChanged>((resolve) => watcher.once("dispute:changed", resolve));
    const { disputeId } = await openDispute(t.server.deps, cm, { caseId, invoiceIds: [invoiceId], reasonId, participantIds: [rep.userId] });
    expect(await received).toEqual({ caseId, disputeId });

    const moved = new Promise<DisputeChanged>((resolve) => watcher.once("dispute:changed", resolve));
    await changeDisputeStatus(t.server.deps, rep, { disputeId, status: "waiting_billing" });
    expect(await moved).toEqual({ caseId, disputeId });
    expect(strays).toEqual([]);
  });
});
