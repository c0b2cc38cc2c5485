import { join } from "node:path";
import { connectPostgres, startEmbeddedDatabase, type Database } from "@relance/db";
import { acquireDataDirLock } from "./data-dir-lock.ts";

export const adminSocketPathOf = (dataDir: string): string => join(dataDir, "admin.sock");

/**
 * DATABASE_URL → a PostgreSQL pool. Otherwise the embedded PGlite under DATA_DIR/pglite, behind the data-dir lock
 * (released when the database closes).
 */
export const openDatabase = async (
  config: { databaseUrl: string | undefined; databasePoolSize: number; dataDir: string },
  holder: { adminSocket: string | null },
): Promise<Database> => {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, config.databasePoolSize);
  const release = acquireDataDirLock(config.dataDir, holder.adminSocket);
  try {
    const db = await startEmbeddedDatabase(join(config.dataDir, "pglite"));
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};
