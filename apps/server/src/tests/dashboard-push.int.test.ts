import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack, DashboardWatch, KpiChanged } from "@relance/domain";
import { fileSourceFromText, importFile } from "@relance/services";
import { buildMember, buildOrg, signInMember, type TestMember } from "@relance/services/testing";
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

const watch = (socket: ClientSocket) => new Promise<Ack<DashboardWatch>>((resolve) => socket.emit("dashboard:watch", {}, resolve));

/** A member's socket watching the dashboards, with every push it receives. */
const watcher = async (member: TestMember) => {
  const socket = await openSocket(await signInMember(t.fixtures.deps, member));
  const pushes: KpiChanged[] = [];
  socket.on("kpi:changed", (change) => pushes.push(change));
  const ack = await watch(socket);
  return { socket, pushes, ack };
};

/** Resolves once no push has arrived for `quietMs` (the coalescing window has surely closed). */
const settled = async (pushes: KpiChanged[], quietMs = 1_600) => {
  let seen = -1;
  while (seen !== pushes.length) {
    seen = pushes.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
};

const csvOf = (rows: number, prefix: string) =>
  [
    "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency",
    ...Array.from({ length: rows }, (_, i) => `${prefix}D${i % 50},Debtor ${i % 50},FR,b2b,${prefix}I${i},N${i},2026-01-05,2026-02-04,${100 + i}.00,${100 + i}.00,EUR`),
  ].join("\n");

describe("live dashboard pushes", () => {
  it("lets the roles that read KPIs watch, and refuses a sales rep", async () => {
    const org = await buildOrg(t.fixtures.deps);
    for (const role of ["manager", "admin", "credit_manager", "billing"] as const) {
      expect((await watcher(await buildMember(t.fixtures.deps, org, role))).ack).toMatchObject({ ok: true });
    }
    const rep = await watcher(await buildMember(t.fixtures.deps, org, "sales"));
    expect(rep.ack).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("coalesces a bulk import and a burst of changes into a few pushes, for that tenant only", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const other = await buildOrg(t.fixtures.deps);
    const manager = await watcher(await buildMember(t.fixtures.deps, org, "manager"));
    const stranger = await watcher(await buildMember(t.fixtures.deps, other, "manager"));
    const rep = await watcher(await buildMember(t.fixtures.deps, org, "sales"));

    const summary = await importFile(t.server.deps, { orgId: org.id, userId: null }, {
      source: fileSourceFromText("bulk.csv", csvOf(3_000, "X")),
      asOf: "2026-03-01",
      acceptValidRows: false,
      request: { kind: "csv" },
    });
    expect(summary.rowsImported).toBe(3_000);
    // what per-row announcements would look like: a thousand changes in a burst
    for (let i = 0; i < 1_000; i += 1) t.server.deps.events!.emit({ type: "ledger.changed", orgId: org.id });
    await settled(manager.pushes);

    expect(manager.pushes.length).toBeGreaterThanOrEqual(1);
    expect(manager.pushes.length).toBeLessThanOrEqual(4);
    expect(manager.pushes.reduce((n, p) => n + p.changes, 0)).toBe(1_001);
    expect(manager.pushes.map((p) => p.seq)).toEqual(manager.pushes.map((_, i) => i + 1 + (manager.pushes[0]!.seq - 1)));
    expect(stranger.pushes).toEqual([]);
    expect(rep.pushes).toEqual([]);
  });

  it("stops pushing after dashboard:unwatch", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const manager = await watcher(await buildMember(t.fixtures.deps, org, "manager"));
    await new Promise<Ack<null>>((resolve) => manager.socket.emit("dashboard:unwatch", {}, resolve));
    t.server.deps.events!.emit({ type: "ledger.changed", orgId: org.id });
    await settled(manager.pushes);
    expect(manager.pushes).toEqual([]);
  });
});
