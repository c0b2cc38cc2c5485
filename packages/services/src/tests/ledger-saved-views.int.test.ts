import { withTenant, type Database } from "@relance/db";
import { AppError, type SavedViewPage } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { DEFAULT_INVOICE_VIEW } from "../ledger/invoice-filters.ts";
import { deleteView, listSavedViews, saveView } from "../ledger/saved-views.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const setup = async () => {
  const org = await buildOrg(deps);
  return { org, me: await buildMember(deps, org, "credit_manager"), colleague: await buildMember(deps, org, "credit_manager") };
};

const overdueChf = { statuses: ["open" as const], bucket: "31_60" as const, currency: "CHF" as const, sort: "openMinor" as const, direction: "desc" as const };

describe("saved views", () => {
  it("saves the filters completed with their defaults and lists them by name", async () => {
    const { me } = await setup();
    const saved = await saveView(deps, me, { page: "invoices", name: "  Relances CHF  ", filters: overdueChf });
    expect(saved).toMatchObject({ page: "invoices", name: "Relances CHF", filters: { ...DEFAULT_INVOICE_VIEW, ...overdueChf } });
    await saveView(deps, me, { page: "invoices", name: "all open", filters: {} });
    const views = await listSavedViews(deps, me, "invoices");
    expect(views.map((v) => v.name)).toEqual(["all open", "Relances CHF"]);
    expect(views[1]).toEqual(saved);
    expect(views[0]!.filters).toEqual(DEFAULT_INVOICE_VIEW);
  });

  it("replaces a view saved again under the same name", async () => {
    const { me } = await setup();
    const first = await saveView(deps, me, { page: "invoices", name: "Mine", filters: overdueChf });
    const second = await saveView(deps, me, { page: "invoices", name: "Mine", filters: { search: "FA-2026" } });
    expect(second.id).toBe(first.id);
    const views = await listSavedViews(deps, me, "invoices");
    expect(views).toHaveLength(1);
    expect(views[0]!.filters).toEqual({ ...DEFAULT_INVOICE_VIEW, search: "FA-2026" });
  });

  it("keeps each user's views to himself", async () => {
    const { me, colleague } = await setup();
    const mine = await saveView(deps, me, { page: "invoices", name: "Shared name", filters: overdueChf });
    await saveView(deps, colleague, { page: "invoices", name: "Shared name", filters: {} });
    expect((await listSavedViews(deps, colleague, "invoices")).map((v) => v.filters)).toEqual([DEFAULT_INVOICE_VIEW]);
    expect((await caught(deleteView(deps, colleague, mine.id))).code).toBe("NOT_FOUND");
    expect(await listSavedViews(deps, me, "invoices")).toHaveLength(1);
    await deleteView(deps, me, mine.id);
    expect(await listSavedViews(deps, me, "invoices")).toEqual([]);
    expect((await caught(deleteView(deps, me, mine.id))).code).toBe("NOT_FOUND");
  });

  it("never shows or deletes another tenant's views", async () => {
    const { me } = await setup();
    const mine = await saveView(deps, me, { page: "invoices", name: "Tenant A", filters: overdueChf });
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect(await listSavedViews(deps, stranger, "invoices")).toEqual([]);
    expect((await caught(deleteView(deps, stranger, mine.id))).code).toBe("NOT_FOUND");
    // the same user in another organization has a separate set of views
    const elsewhere = { ...me, orgId: stranger.orgId };
    await withTenant(deps.db.sql, stranger.orgId, (tx) => tx`insert into memberships (org_id, user_id, role) values (${stranger.orgId}, ${me.userId}, 'billing')`);
    expect(await listSavedViews(deps, elsewhere, "invoices")).toEqual([]);
    expect(await listSavedViews(deps, me, "invoices")).toHaveLength(1);
  });

  it("rejects invalid filters, names and pages, naming each field", async () => {
    const { me } = await setup();
    const bad = await caught(
      saveView(deps, me, { page: "invoices", name: "Bad", filters: { statuses: ["late"], bucket: "91_120", minOpenMinor: 10, maxOpenMinor: 5 } }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.details.fields?.map((f) => f.path).sort()).toEqual(["filters.bucket", "filters.statuses.0"]);
    const range = await caught(saveView(deps, me, { page: "invoices", name: "Bad", filters: { minOpenMinor: 10, maxOpenMinor: 5 } }));
    expect(range.details.fields?.map((f) => f.path)).toEqual(["filters.maxOpenMinor"]);
    const notObject = await caught(saveView(deps, me, { page: "invoices", name: "Bad", filters: "open" }));
    expect(notObject.details.fields?.map((f) => f.path)).toEqual(["filters"]);
    const unnamed = await caught(saveView(deps, me, { page: "invoices", name: "   ", filters: {} }));
    expect(unnamed.details.fields?.map((f) => f.path)).toEqual(["name"]);
    const page = await caught(saveView(deps, me, { page: "cases" as SavedViewPage, name: "x", filters: {} }));
    expect(page.details.fields?.map((f) => f.path)).toEqual(["page"]);
    expect(await listSavedViews(deps, me, "invoices")).toEqual([]);
  });

  it("opens a stored view whose filters no longer parse as the default view", async () => {
    const { org, me } = await setup();
    await withTenant(deps.db.sql, org.id, (tx) => tx`
      insert into saved_views (org_id, user_id, page, name, filters)
      values (${org.id}, ${me.userId}, 'invoices', 'Legacy', ${tx.json({ statuses: ["overdue"] })})`);
    expect((await listSavedViews(deps, me, "invoices")).map((v) => [v.name, v.filters])).toEqual([["Legacy", DEFAULT_INVOICE_VIEW]]);
  });
});
