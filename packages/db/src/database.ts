import postgres from "postgres";
import { splitSocketHost } from "./socket-url.ts";

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;
/** Any handle a system query can run on: the pool or an open transaction. */
export type Queryable = Sql | TransactionSql;
/** A transaction that runs as the application role with one tenant set: the only handle tenant queries accept. */
export type TenantTx = TransactionSql & { readonly __tenant: unique symbol };
export type DatabaseMode = "embedded" | "postgres";

export interface Database {
  readonly sql: Sql;
  readonly mode: DatabaseMode;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * One place sets how values cross the wire: int8 (minor units, counts) as JS numbers and calendar dates as
 * `YYYY-MM-DD` strings, never as a Date shifted by the process time zone.
 */
export const createSqlClient = (options: postgres.Options<Record<string, postgres.PostgresType>> & { url?: string }): Sql => {
  const { url, ...rest } = options;
  const config: postgres.Options<Record<string, postgres.PostgresType>> = {
    onnotice: () => undefined,
    connection: { application_name: "relance" },
    ...rest,
    types: {
      int8: {
        to: INT8_OID,
        from: [INT8_OID],
        serialize: (value: number | bigint) => value.toString(),
        parse: (value: string) => {
          const n = Number(value);
          if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${value} exceeds the safe integer range`);
          return n;
        },
      },
      date: {
        to: DATE_OID,
        from: [DATE_OID],
        serialize: (value: string) => value,
        parse: (value: string) => value,
      },
    },
  };
  if (!url) return postgres(config);
  const { url: clientUrl, socketDir } = splitSocketHost(url);
  return postgres(clientUrl, socketDir ? { ...config, host: socketDir } : config);
};

export const connectPostgres = async (url: string, poolSize = 10): Promise<Database> => {
  const sql = createSqlClient({ url, max: poolSize });
  await sql`select 1`;
  return { sql, mode: "postgres", close: () => sql.end({ timeout: 5 }) };
};
