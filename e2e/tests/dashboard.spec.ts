import { readFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { buildCamt053, buildOpenItemsCsv, todayIn, writeFixtureFile } from "../fixtures/ledger-files.ts";
import { USERS, signedInPage } from "./helpers.ts";
import { importCamtFile, importCsvFile, openImports } from "./import-wizard.ts";

const valueOf = async (page: Page, testId: string): Promise<number> => Number(await page.getByTestId(testId).first().getAttribute("data-value"));

/** Waits until a figure's raw value is `expected` (the dashboard refetches on each push; no reload). */
const expectValue = async (page: Page, testId: string, expected: number) =>
  expect.poll(() => valueOf(page, testId), { timeout: 15_000 }).toBe(expected);

test("a manager watches the figures move live while a credit manager imports an invoice and matches its payment", async ({ browser }) => {
  const today = todayIn();
  const run = `${Date.now()}`.slice(-7);
  const amountMinor = 77_700 + Number(run.slice(-2));
  const number = `KPI-${run}`;

  const manager = await signedInPage(browser, USERS.marc);
  const marc = manager.page;
  await marc.getByTestId("nav-dashboard").click();
  await expect(marc.getByTestId("dashboard")).toBeVisible();
  await expect(marc.getByTestId("dashboard-live")).toHaveAttribute("data-status", "live");
  await expect(marc.getByTestId("kpi-overdue-EUR")).toBeVisible();
  // the formula is one focus away, for a keyboard too
  await marc.getByTestId("kpi-overdue-EUR").getByRole("button").focus();
  await expect(marc.getByTestId("kpi-overdue-EUR").getByRole("tooltip")).toBeVisible();
  await expect(marc.getByTestId("kpi-overdue-EUR").getByRole("tooltip")).toContainText("échéance est passée");
  // a marker that a reload would wipe
  await marc.evaluate(() => ((window as unknown as { dashboardMarker: string }).dashboardMarker = "still here"));
  const overdueBefore = await valueOf(marc, "kpi-overdue-EUR");
  const agingBefore = await valueOf(marc, "aging-EUR-1-30");

  // the credit manager imports one invoice 10 days past due…
  const sophie = (await signedInPage(browser, USERS.sophie)).page;
  const csv = writeFixtureFile(
    test.info().outputPath("kpi-open-items.csv"),
    buildOpenItemsCsv(today, [{ externalId: `KPI${run}`, name: `Menuiserie Tableau ${run}`, invoices: [{ number, dueInDays: -10, amountMinor, openMinor: amountMinor }] }]),
  );
  await openImports(sophie);
  await expect(await importCsvFile(sophie, csv)).toHaveAttribute("data-status", "succeeded");

  // …and the manager's overdue figure and 1–30 bar grow by it, highlighted
  await expectValue(marc, "kpi-overdue-EUR", overdueBefore + amountMinor);
  await expectValue(marc, "aging-EUR-1-30", agingBefore + amountMinor);
  await expect(marc.getByTestId("kpi-overdue-EUR")).toHaveClass(/kpi-changed/);

  // the bank statement brings a payment nobody recognises; the credit manager allocates it by invoice number
  const camt = writeFixtureFile(
    test.info().outputPath("kpi-camt053.xml"),
    buildCamt053(today, [{ amountMinor, payerName: `PAYEUR ${run}`, text: "VIREMENT" }]),
  );
  await openImports(sophie);
  const imported = await importCamtFile(sophie, camt);
  await expect(imported.getByTestId("import-detail-unmatched")).toHaveText("1");
  await imported.getByTestId("import-result-matching").click();
  const payment = sophie.getByTestId("matching-queue").getByTestId("queued-payment").filter({ hasText: `PAYEUR ${run}` });
  await payment.getByTestId("invoice-search").fill(number);
  await payment.getByTestId("search-result").filter({ hasText: number }).locator("input[type=checkbox]").check();
  await payment.getByTestId("allocate").click();
  await expect(sophie.getByTestId("allocation-confirmation")).toContainText(number);

  // the manager sees the payment land without reloading
  await expectValue(marc, "kpi-overdue-EUR", overdueBefore);
  await expectValue(marc, "aging-EUR-1-30", agingBefore);
  expect(await marc.evaluate(() => (window as unknown as { dashboardMarker?: string }).dashboardMarker)).toBe("still here");

  // the bucket opens the invoices behind it
  await marc.getByTestId("chart-aging-EUR").locator("summary").click();
  await marc.getByTestId("data-aging-EUR").getByRole("link").nth(1).click();
  await expect(marc).toHaveURL(/\/invoices\?bucket=1_30&currency=EUR/);
  await manager.context.close();
});

test("a sales rep is not offered the dashboard", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, USERS.thomas);
  await expect(page.getByTestId("nav-dashboard")).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.getByRole("alert")).toBeVisible();
  await context.close();
});

test("an admin sets the aging buckets and the bars follow; a bad list is refused and changes nothing", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, USERS.claire);
  await page.getByTestId("nav-dashboard").click();
  await expect(page.getByTestId("aging-EUR-31-60")).toHaveCount(1);
  // any chart's data as CSV, and the chart itself as PNG (drawn from its SVG in the browser)
  const csv = page.waitForEvent("download");
  await page.getByTestId("export-csv-aging-EUR").click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe("aging-EUR.csv");
  expect(readFileSync(await csvFile.path(), "utf8")).toMatch(/^\uFEFFBalance âgée,Montant \(EUR\)\r\nNon échu,\d+\.\d{2}\r\n/);
  const png = page.waitForEvent("download");
  await page.getByTestId("export-png-dso-EUR").click();
  const pngFile = await png;
  expect(pngFile.suggestedFilename()).toBe("dso-EUR.png");
  expect(readFileSync(await pngFile.path()).subarray(1, 4).toString()).toBe("PNG");
  const edges = page.getByTestId("aging-edges");
  await edges.fill("0, 30, 20");
  await page.getByTestId("aging-edges-form").getByRole("button").click();
  await expect(page.getByTestId("aging-edges-form").getByRole("alert")).toContainText("edge 2");
  await expect(page.getByTestId("aging-EUR-31-60")).toHaveCount(1);
  await edges.fill("0, 15, 45");
  await page.getByTestId("aging-edges-form").getByRole("button").click();
  await expect(page.getByTestId("aging-EUR-16-45")).toHaveCount(1);
  await expect(page.getByTestId("aging-EUR-31-60")).toHaveCount(0);
  await page.getByTestId("aging-edges").fill("0, 30, 60, 90");
  await page.getByTestId("aging-edges-form").getByRole("button").click();
  await expect(page.getByTestId("aging-EUR-31-60")).toHaveCount(1);
  await context.close();
});
