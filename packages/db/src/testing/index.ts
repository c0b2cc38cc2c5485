import { connectPostgres, type Database } from "../database.ts";
import { startEmbeddedDatabase } from "../embedded.ts";
import { migrate } from "../migrate.ts";

/**
 * The database integration tests run against: real PostgreSQL when DATABASE_URL is set, otherwise an in-memory
 * PGlite reached through its socket exactly as in production. Migrated; tests isolate by creating their own tenant.
 */
export const openTestDatabase = async (): Promise<Database> => {
  const url = process.env.DATABASE_URL;
  const db = url ? await connectPostgres(url, 4) : await startEmbeddedDatabase();
  await migrate(db.sql);
  return db;
};

let counter = 0;
/** A slug no other test (or earlier run against the same database) uses. */
export const uniqueSlug = (prefix = "t"): string =>
  `${prefix}-${Date.now().toString(36)}-${process.pid.toString(36)}-${(counter++).toString(36)}`;
