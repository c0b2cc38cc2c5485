import type { CollectionAlert } from "@relance/domain";
import { raiseAlerts } from "@relance/services";
import { addDebtor, addInvoices, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, openChatClient, type ChatClient } from "./chat-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const sockets: ChatClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe("collection alerts, live", () => {
  it("reach the sockets of the member they are for, and no one else's", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps, { name: "Live Alerts" });
    const collector = await buildMember(deps, org, "credit_manager");
    const billing = await buildMember(deps, org, "billing");
    const debtorId = await addDebtor(deps, org, { name: "Retard Live SARL" });
    await addInvoices(deps, org, debtorId, [{ number: "LIVE-1", dueDate: "2026-02-27", amountMinor: 12_300 }]);
    const mine = await openChatClient(t.origin, await signInMember(deps, collector), sockets);
    const theirs = await openChatClient(t.origin, await signInMember(deps, billing), sockets);
    const strays = collect(theirs, "alert:new");
    const arrived = new Promise<CollectionAlert>((resolve) => mine.once("alert:new", resolve));

    await raiseAlerts(t.server.deps, org.id, { asOf: "2026-03-02" });
    expect(await arrived).toMatchObject({ kind: "due_date_passed", debtorName: "Retard Live SARL", dueOn: "2026-02-27", payload: { invoices: ["LIVE-1"] } });
    // a round trip on the other socket: anything meant for it would have come first
    await new Promise<void>((resolve) => theirs.emit("dashboard:unwatch", {}, () => resolve()));
    expect(strays).toEqual([]);
  });
});
