import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Sql } from "./database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Serialises migrators across nodes sharing one database. */
const MIGRATION_LOCK_KEY = 7_263_001;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export const loadMigrations = async (dir = MIGRATIONS_DIR): Promise<MigrationFile[]> => {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name);
    if (!match) throw new MigrationError(`Migration file ${name} must be named NNNN_snake_case.sql`);
    const version = Number(match[1]);
    if (files.some((f) => f.version === version)) throw new MigrationError(`Two migrations share number ${version}`);
    files.push({ version, name, sql: await readFile(`${dir}/${name}`, "utf8") });
  }
  return files;
};

const lineOf = (text: string, position: number): number => text.slice(0, position).split("\n").length;

/**
 * Applies the pending forward-only migrations, each in its own transaction: a failing file rolls back whole and
 * stops the run, leaving the schema as the previous file left it.
 */
export const migrate = async (sql: Sql, files?: MigrationFile[]): Promise<{ applied: string[] }> => {
  const migrations = files ?? (await loadMigrations());
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`;
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
      const [existing] = await tx`select 1 from schema_migrations where version = ${migration.version}`;
      if (existing) return false;
      try {
        await tx.unsafe(migration.sql);
      } catch (error) {
        const pgError = error as { message?: string; position?: string };
        const where = pgError.position ? ` at line ${lineOf(migration.sql, Number(pgError.position))}` : "";
        throw new MigrationError(`Migration ${migration.name} failed${where}: ${pgError.message ?? String(error)}`);
      }
      await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`;
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return { applied };
};

export const pendingMigrations = async (sql: Sql): Promise<string[]> => {
  const migrations = await loadMigrations();
  const [table] = await sql`select to_regclass('schema_migrations') as name`;
  if (!table?.name) return migrations.map((m) => m.name);
  const rows = await sql<{ version: number }[]>`select version from schema_migrations`;
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.name);
};
