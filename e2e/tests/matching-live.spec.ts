import { expect, test } from "@playwright/test";
import { buildCamt053, isoDay, todayIn, writeFixtureFile } from "../fixtures/ledger-files.ts";
import { USERS, signedInPage } from "./helpers.ts";

const HEADER =
  "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency";

test("the matching queue shows a payment a colleague's statement brings, and drops it when he allocates it, without a reload", async ({ browser }) => {
  const today = todayIn();
  const run = `${Date.now()}`.slice(-7);
  const amountMinor = 64_300 + Number(run.slice(-2));
  const amount = (amountMinor / 100).toFixed(2);
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
    [HEADER, `LIVE${run},Atelier Vitrail ${run},FR,b2b,${number},${number},${isoDay(today, -40)},${isoDay(today, -10)},${amount},${amount},EUR`].join("\n"),
  );
  await sophie.getByTestId("nav-imports").click();
  await sophie.getByTestId("import-kind-csv").check();
  await sophie.getByTestId("import-file").setInputFiles(csv);
  await expect(sophie.getByTestId("preview-table")).toBeVisible();
  await sophie.getByTestId("import-start").click();
  await expect(sophie.getByTestId("import-result").getByTestId("import-status")).toHaveAttribute("data-status", "succeeded");
  const camt = writeFixtureFile(test.info().outputPath("live-camt053.xml"), buildCamt053(today, [{ amountMinor, payerName: payer, text: "VIREMENT" }]));
  await sophie.getByTestId("nav-imports").click();
  await sophie.getByTestId("import-kind-camt").check();
  await sophie.getByTestId("import-file").setInputFiles(camt);
  await sophie.getByTestId("import-start").click();
  await expect(sophie.getByTestId("import-result").getByTestId("import-detail-unmatched")).toHaveText("1");

  // the admin's queue shows it without a reload
  await expect(queued).toHaveCount(1, { timeout: 15_000 });

  // the credit manager allocates it from his own queue: it leaves the admin's
  await sophie.getByTestId("import-result").getByTestId("import-result-matching").click();
  const payment = sophie.getByTestId("matching-queue").getByTestId("queued-payment").filter({ hasText: payer });
  await payment.getByTestId("invoice-search").fill(number);
  await payment.getByTestId("search-result").filter({ hasText: number }).locator("input[type=checkbox]").check();
  await payment.getByTestId("allocate").click();
  await expect(sophie.getByTestId("allocation-confirmation")).toContainText(number);
  await expect(queued).toHaveCount(0, { timeout: 15_000 });
  expect(await claire.evaluate(() => (window as unknown as { queueMarker?: string }).queueMarker)).toBe("still here");
});
