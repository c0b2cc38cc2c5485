import type { Ack, DashboardWatch, KpiChanged } from "@relance/domain";
import { fileSourceFromText, importFile } from "@relance/services";
import { buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSocket, type TestSocket as ClientSocket } from "./socket-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** Two real servers on one PostgreSQL and one Redis: a change made through node A moves a dashboard open on node B. */
const missing = !process.env.REDIS_URL ? "REDIS_URL is not set" : !process.env.DATABASE_URL ? "DATABASE_URL is not set" : null;
if (missing) console.warn(`dashboard pushes across two nodes skipped: ${missing} (CI sets both)`);

describe.skipIf(missing !== null)("live dashboards across two nodes (Redis adapter)", () => {
  let a: TestServer;
  let b: TestServer;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.close(), b?.close()]);
  });

  const openSocket = (origin: string, token: string): Promise<ClientSocket> => openTestSocket(origin, token, sockets);

  it("an import through node A reaches the manager watching on node B, and only that tenant's", async () => {
    const deps = a.server.deps;
    const org = await buildOrg(deps);
    const other = await buildOrg(deps);
    const onB = await openSocket(b.origin, await signInMember(deps, await buildMember(deps, org, "manager")));
    const strangerOnB = await openSocket(b.origin, await signInMember(deps, await buildMember(deps, other, "manager")));
    for (const socket of [onB, strangerOnB]) {
      const ack = await new Promise<Ack<DashboardWatch>>((resolve) => socket.emit("dashboard:watch", {}, resolve));
      expect(ack).toMatchObject({ ok: true });
    }
    const strangerGot: KpiChanged[] = [];
    strangerOnB.on("kpi:changed", (change) => strangerGot.push(change));
    const pushed = new Promise<KpiChanged>((resolve) => onB.once("kpi:changed", resolve));

    const summary = await importFile(deps, { orgId: org.id, userId: null }, {
      source: fileSourceFromText(
        "node-a.csv",
        "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency\n" +
          "N1,Négoce Aubry,FR,b2b,NA-1,NA-1,2026-01-05,2026-02-04,1200.00,1200.00,EUR\n",
      ),
      asOf: "2026-03-01",
      acceptValidRows: false,
      request: { kind: "csv" },
    });
    expect(summary.status).toBe("succeeded");
    expect(await pushed).toMatchObject({ changes: expect.any(Number) });
    expect(strangerGot).toEqual([]);
  });
});
