import { type Page, expect, test } from "@playwright/test";
import {
  BAD_ROW,
  CIDRERIE,
  DISTILLERIE,
  FROMAGERIE,
  RF_REFERENCE,
  TONNELLERIE,
  UNMATCHED_PAYMENT,
  VERRERIE,
  agingOf,
  balancesOf,
  buildCamt053,
  buildCsvWithInvalidRow,
  buildOpenItemsCsv,
  buildOpenItemsWorkbook,
  isoDay,
  todayIn,
  writeFixtureFile,
  type FixtureDebtor,
} from "../fixtures/ledger-files.ts";
import { USERS, signIn } from "./helpers.ts";
import { importCamtFile, importCsvFile, openImports } from "./import-wizard.ts";

/** Money as the French interface shows it (Playwright normalises the narrow no-break spaces on both sides). */
const euros = (minor: number): string => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(minor / 100);

/**
 * Records every state of the progress bar and its text: the last progress event and the end of the import may come
 * within a few milliseconds, too close for polling assertions to see the bar in between.
 */
const recordProgress = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent;
      const value = document.querySelector('[data-testid="import-progress"]')?.getAttribute("value") ?? "";
      if (text && seen.at(-1) !== `${text}|${value}`) seen.push(`${text}|${value}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

const progressSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

test("the open-items CSV goes through mapping, preview and a live progress bar; the new debtor shows its balances and aging", async ({ page }) => {
  const today = todayIn();
  const csv = writeFixtureFile(test.info().outputPath("open-items-e2e.csv"), buildOpenItemsCsv(today));
  await signIn(page, USERS.sophie);
  await openImports(page);
  await expect(page.getByTestId("import-as-of")).toHaveValue(today);

  await page.getByTestId("import-file").setInputFiles(csv);
  // canonical header names are mapped without help
  for (const field of ["debtor_external_id", "debtor_name", "debtor_country", "invoice_number", "due_date", "amount", "open_amount", "currency", "payment_reference"]) {
    await expect(page.getByTestId(`mapping-${field}`).locator("option:checked")).toHaveText(field);
  }
  await expect(page.getByTestId("mapping-po_number")).toHaveValue("");
  await expect(page.getByTestId("option-delimiter")).toHaveValue("auto");
  await expect(page.getByTestId("preview-table").getByTestId("preview-row")).toHaveCount(20);
  await expect(page.getByTestId("preview-error")).toHaveCount(0);

  // a slow uplink keeps the import running long enough to watch it
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 12 * 1024 });
  await recordProgress(page);
  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await expect(page.getByTestId("import-start")).toBeDisabled();
  await expect(page.getByTestId("import-progress-text")).toHaveText("Envoi du fichier…");

  const result = page.getByTestId("import-result");
  await expect(result.getByTestId("import-status")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(page.getByTestId("import-progress")).toHaveCount(0);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // the bar was fed by the socket's import:progress events (seen in passing: a small file is read in a blink)
  expect(await progressSeen(page)).toContainEqual(expect.stringMatching(/^\d+ lignes? lues?.*\|(0(\.\d+)?|1)$/));
  await expect(result.getByTestId("import-rows-total")).toHaveText("300");
  await expect(result.getByTestId("import-rows-imported")).toHaveText("300");
  await expect(result.getByTestId("import-rows-rejected")).toHaveText("0");
  await expect(result.getByTestId("rejection-row")).toHaveCount(0);
  await expect(page.getByTestId("imports-history").getByTestId("import-history-row").first()).toContainText("open-items-e2e.csv");

  // the new debtor: its balances in the list, then its aging buckets on its page
  await page.getByTestId("nav-debtors").click();
  await page.getByTestId("debtors-search").fill("Verrerie Lambert");
  const row = page.getByTestId("debtor-row").filter({ hasText: VERRERIE.name });
  await expect(row).toHaveCount(1);
  const { openMinor, overdueMinor } = balancesOf(VERRERIE);
  await expect(row).toContainText(VERRERIE.externalId);
  await expect(row).toContainText(euros(openMinor));
  await expect(row).toContainText(euros(overdueMinor));

  await row.getByTestId("debtor-link").click();
  await expect(page).toHaveURL(/\/debtors\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("debtor-title")).toHaveText(VERRERIE.name);
  const aging = page.getByTestId("debtor-aging").locator('[data-testid="aging-currency"][data-currency="EUR"]');
  for (const [bucket, { totalMinor }] of Object.entries(agingOf(VERRERIE))) {
    await expect(aging.locator(`[data-testid="aging-bucket"][data-bucket="${bucket}"]`).getByTestId("aging-amount")).toHaveText(euros(totalMinor));
  }
  await expect(aging.getByTestId("aging-total")).toHaveText(euros(openMinor));
});

/** Starts the import the wizard is ready for, waits for its success, then finds the debtor with its balances. */
const importAndFindDebtor = async (page: Page, debtor: FixtureDebtor) => {
  await page.getByTestId("import-start").click();
  const result = page.getByTestId("import-result");
  await expect(result.getByTestId("import-status")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(result.getByTestId("import-rows-imported")).toHaveText(String(debtor.invoices.length));

  await page.getByTestId("nav-debtors").click();
  await page.getByTestId("debtors-search").fill(debtor.name);
  const row = page.getByTestId("debtor-row").filter({ hasText: debtor.name });
  const { openMinor, overdueMinor } = balancesOf(debtor);
  await expect(row).toContainText(euros(openMinor));
  await expect(row).toContainText(euros(overdueMinor));
};

test("an Excel workbook of open items is previewed, mapped by its French column names and imported", async ({ page }) => {
  const today = todayIn();
  const workbook = writeFixtureFile(test.info().outputPath("encours.xlsx"), buildOpenItemsWorkbook(today));
  await signIn(page, USERS.sophie);
  await openImports(page);
  await page.getByTestId("import-kind-csv").check();
  await page.getByTestId("import-file").setInputFiles(workbook);
  await expect(page.getByTestId("preview-table").getByTestId("preview-row")).toHaveCount(FROMAGERIE.invoices.length);
  await expect(page.getByTestId("preview-error")).toHaveCount(0);
  for (const [field, column] of [["debtor_name", "Client"], ["due_date", "Date d'échéance"], ["open_amount", "Reste dû"]] as const) {
    await expect(page.getByTestId(`mapping-${field}`).locator("option:checked")).toHaveText(column);
  }
  await expect(page.getByTestId("preview-table")).toContainText(isoDay(today, -45));
  await importAndFindDebtor(page, FROMAGERIE);
});

test("a workbook whose open items are not on its first sheet is imported from the sheet chosen", async ({ page }) => {
  const today = todayIn();
  const workbook = writeFixtureFile(test.info().outputPath("balance.xlsx"), buildOpenItemsWorkbook(today, CIDRERIE, { coverSheet: "Synthèse" }));
  await signIn(page, USERS.sophie);
  await openImports(page);
  await page.getByTestId("import-kind-csv").check();
  await page.getByTestId("import-file").setInputFiles(workbook);
  // the first sheet is read first: a cover page, with none of the columns an import needs
  const sheet = page.getByTestId("import-sheet");
  await expect(sheet.locator("option")).toHaveText(["Synthèse", "Encours"]);
  await expect(sheet).toHaveValue("Synthèse");
  await expect(page.getByTestId("mapping-missing-required")).toBeVisible();
  await expect(page.getByTestId("import-start")).toBeDisabled();

  await sheet.selectOption("Encours");
  await expect(page.getByTestId("preview-table").getByTestId("preview-row")).toHaveCount(CIDRERIE.invoices.length);
  await expect(page.getByTestId("mapping-missing-required")).toHaveCount(0);
  await expect(page.getByTestId("mapping-due_date").locator("option:checked")).toHaveText("Date d'échéance");
  await importAndFindDebtor(page, CIDRERIE);
});

test("a CSV with an invalid row is rejected whole, then imported without that row", async ({ page, context }) => {
  const today = todayIn();
  const csv = writeFixtureFile(test.info().outputPath("export-distillerie.csv"), buildCsvWithInvalidRow(today));
  await signIn(page, USERS.sophie);
  await openImports(page);
  await page.getByTestId("import-file").setInputFiles(csv);

  // French header names are recognised too; the preview already flags the wrong row
  await expect(page.getByTestId("mapping-currency").locator("option:checked")).toHaveText("Devise");
  await expect(page.getByTestId("mapping-open_amount").locator("option:checked")).toHaveText("Reste dû");
  const flagged = page.getByTestId("preview-row").filter({ has: page.getByTestId("preview-error") });
  await expect(flagged).toHaveCount(1);
  await expect(flagged.getByTestId("preview-error")).toContainText(`line ${BAD_ROW.line}, ${BAD_ROW.field}`);

  // this source's mapping, saved under a name, comes back after a change
  await page.getByTestId("mapping-name").fill("Export Distillerie");
  await page.getByTestId("mapping-save").click();
  await expect(page.getByTestId("mapping-notice")).toContainText("Export Distillerie");
  await page.getByTestId("mapping-po_number").selectOption({ label: "Code client" });
  await expect(page.getByTestId("mapping-po_number").locator("option:checked")).toHaveText("Code client");
  await page.getByTestId("mapping-load").click();
  await expect(page.getByTestId("mapping-po_number")).toHaveValue("");
  await expect(page.getByTestId("mapping-currency").locator("option:checked")).toHaveText("Devise");

  await page.getByTestId("import-start").click();
  const result = page.getByTestId("import-result");
  await expect(result.getByTestId("import-status")).toHaveAttribute("data-status", "rejected");
  await expect(result.getByTestId("import-rows-imported")).toHaveText("0");
  await expect(result.getByTestId("import-rows-rejected")).toHaveText("1");
  const rejection = result.getByTestId("rejection-row");
  await expect(rejection).toHaveCount(1);
  await expect(rejection.getByTestId("rejection-line")).toContainText(String(BAD_ROW.line));
  await expect(rejection.getByTestId("rejection-field")).toHaveText(BAD_ROW.field);
  await expect(rejection.getByTestId("rejection-message")).toContainText(BAD_ROW.value);

  // nothing was written: the file's debtor does not exist
  const debtors = await context.newPage();
  await debtors.goto("/debtors");
  await debtors.getByTestId("debtors-search").fill(DISTILLERIE.name);
  await expect(debtors.getByTestId("debtors-empty")).toBeVisible();

  // same file, valid rows only
  await page.getByTestId("accept-valid-rows").check();
  await page.getByTestId("import-start").click();
  await expect(result.getByTestId("import-status")).toHaveAttribute("data-status", "partial");
  await expect(result.getByTestId("import-rows-imported")).toHaveText(String(DISTILLERIE.invoices.length - 1));
  await expect(result.getByTestId("import-rows-rejected")).toHaveText("1");
  await expect(result.getByTestId("rejection-row")).toHaveCount(1);

  // the run's own page lists its rejections
  await result.getByTestId("import-result-details").click();
  await expect(page.getByTestId("import-run").getByTestId("import-status")).toHaveAttribute("data-status", "partial");
  await expect(page.getByTestId("import-run").getByTestId("rejection-field")).toHaveText(BAD_ROW.field);

  await debtors.reload();
  await debtors.getByTestId("debtors-search").fill(DISTILLERIE.name);
  await expect(debtors.getByTestId("debtor-row").filter({ hasText: DISTILLERIE.name })).toHaveCount(1);
  await debtors.close();
});

test("a camt.053 books two payments; the unmatched one is allocated from the matching queue", async ({ page }) => {
  const today = todayIn();
  const referenceInvoice = TONNELLERIE.invoices.find((i) => i.paymentReference === RF_REFERENCE)!;
  const target = VERRERIE.invoices.find((i) => i.openMinor === UNMATCHED_PAYMENT.amountMinor)!;
  const csv = writeFixtureFile(test.info().outputPath("open-items-e2e.csv"), buildOpenItemsCsv(today));
  const camt = writeFixtureFile(
    test.info().outputPath("releve-camt053.xml"),
    buildCamt053(today, [
      { amountMinor: referenceInvoice.openMinor, payerName: "TONNELLERIE GARNIER", payerIban: "FR1420041010050500013M02606", structuredRef: RF_REFERENCE },
      { amountMinor: UNMATCHED_PAYMENT.amountMinor, payerName: UNMATCHED_PAYMENT.payerName, text: UNMATCHED_PAYMENT.text },
    ]),
  );
  await signIn(page, USERS.sophie);
  await openImports(page);
  // the invoices being paid (a no-op when the first test already imported them)
  await expect(await importCsvFile(page, csv)).toHaveAttribute("data-status", "succeeded");

  const result = await importCamtFile(page, camt);
  await expect(result.getByTestId("import-status")).toHaveAttribute("data-status", "succeeded");
  await expect(result.getByTestId("import-rows-total")).toHaveText("2");
  await expect(result.getByTestId("import-rows-imported")).toHaveText("2");
  await expect(result.getByTestId("import-detail-matched_reference")).toHaveText("1");
  await expect(result.getByTestId("import-detail-unmatched")).toHaveText("1");

  await result.getByTestId("import-result-matching").click();
  await expect(page).toHaveURL(/\/matching$/);
  const queue = page.getByTestId("matching-queue");
  await expect(queue.getByTestId("queued-payment").filter({ hasText: "TONNELLERIE GARNIER" })).toHaveCount(0);
  const payment = queue.getByTestId("queued-payment").filter({ hasText: UNMATCHED_PAYMENT.payerName });
  await expect(payment).toHaveCount(1);
  await expect(payment.getByTestId("queued-payment-unapplied")).toHaveText(euros(UNMATCHED_PAYMENT.amountMinor));
  // the exact amount is among the suggestions, but the payer says nothing: find the invoice by its number
  await expect(payment.getByTestId("suggestion").filter({ hasText: target.number })).toHaveCount(1);
  await payment.getByTestId("invoice-search").fill(target.number);
  const found = payment.getByTestId("search-result").filter({ hasText: target.number });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(VERRERIE.name);

  // by keyboard: tick, then allocate
  await found.locator("input[type=checkbox]").focus();
  await page.keyboard.press("Space");
  await expect(payment.getByTestId("suggestion").filter({ hasText: target.number }).locator("input")).toBeChecked();
  await payment.getByTestId("allocate").focus();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("allocation-confirmation")).toContainText(target.number);
  await expect(page.getByTestId("allocation-confirmation")).toBeFocused();
  await expect(queue.getByTestId("queued-payment").filter({ hasText: UNMATCHED_PAYMENT.payerName })).toHaveCount(0);
});

test("imports and matching are not offered to a manager", async ({ page }) => {
  await signIn(page, USERS.marc);
  await expect(page.getByTestId("nav-debtors")).toBeVisible();
  await expect(page.getByTestId("nav-imports")).toHaveCount(0);
  await expect(page.getByTestId("nav-matching")).toHaveCount(0);
  for (const path of ["/imports", "/matching"]) {
    await page.goto(path);
    await expect(page.getByTestId("error-message")).toBeVisible();
    await expect(page.getByTestId("import-wizard")).toHaveCount(0);
    await expect(page.getByTestId("matching-queue")).toHaveCount(0);
  }
});
