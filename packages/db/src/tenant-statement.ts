import type postgres from "postgres";
import type { Sql, TenantTx } from "./database.ts";

/**
 * Runs one statement in its own tenant transaction, as withTenant does (application role, tenant set, both
 * transaction-local), but in one round trip: begin, the settings, the statement and commit are sent together on a
 * reserved connection instead of waiting for each answer. `statement` must build its query synchronously and return it
 * unawaited (a PendingQuery), so that it goes out before the commit. Answers the statement's rows once the commit is
 * confirmed; when anything fails the transaction is rolled back (a commit after an error ends it so) and the first
 * error is thrown.
 */
export const runTenantStatement = async <R extends readonly postgres.MaybeRow[]>(
  sql: Sql,
  orgId: string,
  statement: (tx: TenantTx) => postgres.PendingQuery<R>,
): Promise<postgres.RowList<R>> => {
  const conn = await sql.reserve();
  try {
    const sent = [
      conn.unsafe("begin").execute(),
      conn`select set_config('app.org_id', ${orgId}, true), set_config('role', 'relance_app', true)`.execute(),
    ];
    let rows: postgres.PendingQuery<R>;
    try {
      rows = statement(conn as unknown as TenantTx).execute();
    } catch (error) {
      // nothing of the tenant may stay open on a connection going back to the pool
      await Promise.allSettled([...sent, conn.unsafe("rollback").execute()]);
      throw error;
    }
    const commit = conn.unsafe("commit").execute();
    const [begun, entered, answered, committed] = await Promise.allSettled([...sent, rows, commit]);
    for (const step of [begun, entered, answered, committed]) if (step?.status === "rejected") throw step.reason;
    if (answered?.status !== "fulfilled" || committed?.status !== "fulfilled" || committed.value.command !== "COMMIT") {
      throw new Error(`tenant statement: the transaction ended with ${committed?.status === "fulfilled" ? committed.value.command : "an error"}, not COMMIT`);
    }
    return answered.value as postgres.RowList<R>;
  } finally {
    conn.release();
  }
};
