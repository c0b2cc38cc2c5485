import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The one-way graph: each workspace may depend on the ones listed, never the other way round. */
const ALLOWED: Record<string, string[]> = {
  "@relance/domain": [],
  "@relance/db": ["@relance/domain"],
  "@relance/services": ["@relance/domain", "@relance/db"],
  "@relance/api": ["@relance/domain", "@relance/services"],
  "@relance/realtime": ["@relance/domain", "@relance/db", "@relance/services"],
  "@relance/server": ["@relance/api", "@relance/db", "@relance/domain", "@relance/realtime", "@relance/services"],
  "@relance/web": ["@relance/domain", "@relance/api"],
  "@relance/e2e": [],
};

const workspaceDirs = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name)),
).concat(join(ROOT, "e2e"));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist") return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });

describe("package graph", () => {
  for (const dir of workspaceDirs) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    it(`${pkg.name} depends only on the workspaces below it`, () => {
      expect(ALLOWED[pkg.name], `${pkg.name} is missing from the graph`).toBeDefined();
      const internal = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.startsWith("@relance/"));
      expect(internal.filter((d) => !ALLOWED[pkg.name]!.includes(d))).toEqual([]);
    });
  }

  it("the web app imports the API as a type only", () => {
    const offenders = sourceFiles(join(ROOT, "apps/web/src")).filter((file) =>
      /^import\s+(?!type\b)[^;]*from\s+["']@relance\/(api|services|db|realtime)["']/m.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
