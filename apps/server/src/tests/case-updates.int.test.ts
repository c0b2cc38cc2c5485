import type { Ack, CaseChanged, PresenceUpdate } from "@relance/domain";
import { addCaseNote, recordPromise } from "@relance/services";
import { buildCase, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSocket, type TestSocket } from "./socket-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const join = (socket: TestSocket, caseId: string) => new Promise<Ack<PresenceUpdate>>((resolve) => socket.emit("presence:join", { caseId }, resolve));

describe("live case pages", () => {
  it("tells the people on a case when something is added to its timeline, and nobody else", async () => {
    const deps = t.server.deps;
    const org = await buildOrg(deps);
    const writer = await buildMember(deps, org, "credit_manager");
    const watcher = await buildMember(deps, org, "manager");
    const { caseId } = await buildCase(deps, org);
    const other = await buildCase(deps, org);
    const onCase = await openTestSocket(t.origin, await signInMember(deps, watcher), sockets);
    const onOther = await openTestSocket(t.origin, await signInMember(deps, watcher), sockets);
    expect(await join(onCase, caseId)).toMatchObject({ ok: true });
    expect(await join(onOther, other.caseId)).toMatchObject({ ok: true });
    const elsewhere: CaseChanged[] = [];
    onOther.on("case:changed", (c) => elsewhere.push(c));

    const noted = new Promise<CaseChanged>((resolve) => onCase.once("case:changed", resolve));
    await addCaseNote(deps, writer, { caseId, text: "Relancé par téléphone" });
    expect(await noted).toEqual({ caseId });

    const promised = new Promise<CaseChanged>((resolve) => onCase.once("case:changed", resolve));
    await recordPromise(deps, writer, { caseId, amountMinor: 10_000, currency: "EUR", promisedFor: "2099-01-15", channel: "phone", promisedBy: "M. Roux" });
    expect(await promised).toEqual({ caseId });
    expect(elsewhere).toEqual([]);
  });
});
