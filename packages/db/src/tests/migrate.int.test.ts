import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { migrate, pendingMigrations, MigrationError } from "../migrate.ts";
import { openTestDatabase } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

describe("migrations", () => {
  it("leaves nothing pending and re-running applies nothing", async () => {
    expect(await pendingMigrations(db.sql)).toEqual([]);
    expect((await migrate(db.sql)).applied).toEqual([]);
  });

  it("rolls a failing migration back whole and names the file and line", async () => {
    const table = `probe_${Date.now()}`;
    const files = [
      { version: 9000 + (Date.now() % 900), name: "9999_broken.sql", sql: `create table ${table} (id int);\nselect nope from nowhere;` },
    ];
    await expect(migrate(db.sql, files)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, files)).rejects.toThrow(/9999_broken\.sql failed at line 2/);
    const [row] = await db.sql`select to_regclass(${table}) as name`;
    expect(row?.name).toBeNull();
    const [applied] = await db.sql`select 1 from schema_migrations where name = '9999_broken.sql'`;
    expect(applied).toBeUndefined();
  });
});
