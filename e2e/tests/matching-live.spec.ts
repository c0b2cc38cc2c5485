import { expect, test } from "@playwright/test";
import { buildCamt053, buildOpenItemsCsv, todayIn, writeFixtureFile } from "../fixtures/ledger-files.ts";
import { USERS, signedInPage } from "./helpers.ts";
import { importCamtFile, importCsvFile, openImports } from "./import-wizard.ts";

test("the matching queue shows a payment a colleague's statement brings, and drops it when he allocates it, without a reload", async ({ browser }) => {
  const today = todayIn();
  const run = `${Date.now()}`.slice(-7);
  const amountMinor = 64_300 + Number(run.slice(-2));
  const number = `LIVE-${run}`;
  const payer = `PAYEUR LIVE ${run}`;

  // an admin keeps the queue open
  const claire = (await signedInPage(browser, USERS.claire)).page;
  await claire.getByTestId("nav-matching").click();
  await expect(claire.getByTestId("matching-queue").or(claire.getByTestId("matching-empty"))).toBeVisible();
  await claire.evaluate(() => ((window as unknown as { queueMarker: string }).queueMarker = "still here"));
  const queued = claire.getByTestId("queued-payment").filter({ hasText: payer });
  await expect(queued).toHaveCount(0);

  // a credit manager imports an invoice, then a statement whose payment no rule can match
  const sophie = (await signedInPage(browser, USERS.sophie)).page;
  const csv = writeFixtureFile(
    test.info().outputPath("live-open-items.csv"),
    buildOpenItemsCsv(today, [{ externalId: `LIVE${run}`, name: `Atelier Vitrail ${run}`, invoices: [{ number, dueInDays: -10, amountMinor, openMinor: amountMinor }] }]),
  );
  await openImports(sophie);
  await expect(await importCsvFile(sophie, csv)).toHaveAttribute("data-status", "succeeded");
  const camt = writeFixtureFile(test.info().outputPath("live-camt053.xml"), buildCamt053(today, [{ amountMinor, payerName: payer, text: "VIREMENT" }]));
  await openImports(sophie);
  const imported = await importCamtFile(sophie, camt);
  await expect(imported.getByTestId("import-detail-unmatched")).toHaveText("1");

  // the admin's queue shows it without a reload
  await expect(queued).toHaveCount(1, { timeout: 15_000 });

  // the credit manager allocates it from his own queue: it leaves the admin's
  await imported.getByTestId("import-result-matching").click();
  const payment = sophie.getByTestId("matching-queue").getByTestId("queued-payment").filter({ hasText: payer });
  await payment.getByTestId("invoice-search").fill(number);
  await payment.getByTestId("search-result").filter({ hasText: number }).locator("input[type=checkbox]").check();
  await payment.getByTestId("allocate").click();
  await expect(sophie.getByTestId("allocation-confirmation")).toContainText(number);
  await expect(queued).toHaveCount(0, { timeout: 15_000 });
  expect(await claire.evaluate(() => (window as unknown as { queueMarker?: string }).queueMarker)).toBe("still here");
});
