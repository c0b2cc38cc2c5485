import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createSqlClient, type Database } from "./database.ts";

export interface EmbeddedDatabase extends Database {
  readonly mode: "embedded";
  /** host:port of the wire-protocol socket, on loopback only. */
  readonly address: string;
}

/**
 * PGlite (a data directory on disk, or memory when none is given) exposed on 127.0.0.1 through pglite-socket, so
 * that the same postgres.js client and the same SQL serve the embedded and the server modes.
 * All socket connections share one PGlite session, hence a single pooled connection.
 */
export const startEmbeddedDatabase = async (dataDir?: string): Promise<EmbeddedDatabase> => {
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  const [host, port] = address.split(":");
  const sql = createSqlClient({
    host: host ?? "127.0.0.1",
    port: Number(port),
    username: "postgres",
    database: "postgres",
    max: 1,
    ssl: false,
    idle_timeout: 0,
  });
  await sql`select 1`;
  return {
    sql,
    mode: "embedded",
    address,
    close: async () => {
      await sql.end({ timeout: 5 });
      await server.stop();
      await pglite.close();
    },
  };
};
