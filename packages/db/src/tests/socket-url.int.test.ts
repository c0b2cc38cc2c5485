import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { connectPostgres } from "../database.ts";

const url = process.env.DATABASE_URL;
const SOCKET_DIR = "/var/run/postgresql";
// the server of DATABASE_URL on this machine's default port, as CI runs it
const local = url !== undefined && (new URL(url).port || "5432") === "5432" && existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`);

describe("a DATABASE_URL naming a Unix-socket directory (libpq's ?host=/dir)", () => {
  it.skipIf(!local)("reaches the same database without TCP", async () => {
    const { username, pathname } = new URL(url!);
    const db = await connectPostgres(`postgresql://${username}@/${pathname.slice(1)}?host=${SOCKET_DIR}`, 1);
    try {
      const [row] = await db.sql<{ addr: string | null; name: string }[]>`select inet_server_addr() as addr, current_database() as name`;
      // a connection through a Unix socket has no server address
      expect(row).toEqual({ addr: null, name: pathname.slice(1) });
    } finally {
      await db.close();
    }
  });
});
