import type { Sql, TenantTx, TransactionSql } from "./database.ts";

/**
 * Runs `work` in one transaction as the application role with the tenant set. Both settings are transaction-local
 * (`set_config(..., true)`), so a pooled connection carries nothing over to the next tenant. The role switch matters
 * most on PGlite and on a superuser connection, where row-level security would otherwise be bypassed.
 */
export const withTenant = <T>(sql: Sql, orgId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> =>
  sql.begin(async (tx) => work(await enterTenant(tx, orgId))) as Promise<T>;

/** Switches an open transaction to the application role and the tenant, for the rest of that transaction. */
export const enterTenant = async (tx: TransactionSql, orgId: string): Promise<TenantTx> => {
  await tx`select set_config('app.org_id', ${orgId}, true), set_config('role', 'relance_app', true)`;
  return tx as TenantTx;
};

/** A transaction as the owner ("system"), for the sign-in path and administration across tenants. */
export const withSystem = <T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> =>
  sql.begin((tx) => work(tx)) as Promise<T>;
