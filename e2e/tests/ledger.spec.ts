import { type Page, expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

/**
 * The ids of the invoice rows on screen, once the table is there and shows the current filters (not the previous
 * ones, kept while the next load): call it after checking a control that renders from the new URL.
 */
const invoiceRowIds = async (page: Page): Promise<string[]> => {
  const table = page.getByTestId("invoices-table");
  await expect(table).toBeVisible();
  await expect(table).not.toHaveAttribute("aria-busy", "true");
  return page.getByTestId("invoice-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-invoice-id") ?? ""));
};

/** Open amounts of the rows as numbers ("12 345,67 CHF" → 12345.67), to check the order. */
const openAmounts = async (page: Page): Promise<number[]> =>
  (await page.getByTestId("invoice-open").allTextContents()).map((text) => Number(text.replace(/[^\d,-]/g, "").replace(",", ".")));

/** Filters the list on CHF items 31 to 60 days late, largest open amount first, and checks what it shows. */
const showOverdueChfByOpenAmount = async (page: Page): Promise<string[]> => {
  await page.getByTestId("filter-bucket").selectOption("31_60");
  await expect(page).toHaveURL(/bucket=31_60/);
  await page.getByTestId("filter-currency").selectOption("CHF");
  await expect(page).toHaveURL(/currency=CHF/);
  await page.getByTestId("sort-openMinor").click();
  await expect(page).toHaveURL(/sort=openMinor&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Reste dû/ })).toHaveAttribute("aria-sort", "descending");

  const rows = await invoiceRowIds(page);
  expect(rows.length).toBeGreaterThan(0);
  for (const text of await page.getByTestId("invoice-open").allTextContents()) expect(text).toContain("CHF");
  const amounts = await openAmounts(page);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  for (const row of await page.getByTestId("invoice-row").all()) {
    const days = Number(await row.locator("td.numeric").first().textContent());
    expect(days).toBeGreaterThanOrEqual(31);
    expect(days).toBeLessThanOrEqual(60);
  }
  return rows;
};

/** Opens the first debtor with overdue items from the debtors list and checks its aging and open items. */
const openOverdueDebtor = async (page: Page): Promise<void> => {
  await page.getByTestId("nav-debtors").click();
  // the box reflects the URL, which the click changes a moment later
  await page.getByTestId("debtors-overdue-only").click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByTestId("debtors-overdue-only")).toBeChecked();
  const first = page.getByTestId("debtor-row").first().getByTestId("debtor-link");
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page).toHaveURL(/\/debtors\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("debtor-title")).toHaveText(name);

  const aging = page.getByTestId("debtor-aging");
  await expect(aging).toBeVisible();
  const buckets = aging.getByTestId("aging-currency").first().getByTestId("aging-bucket");
  await expect(buckets).toHaveCount(5);
  expect(await buckets.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-bucket")))).toEqual([
    "not_due",
    "1_30",
    "31_60",
    "61_90",
    "over_90",
  ]);
  await expect(page.getByTestId("open-items").getByTestId("open-item-row").first()).toBeVisible();
  await expect(page.getByTestId("debtor-payments")).toBeVisible();
};

test("a credit manager filters, sorts and saves an invoice view, then opens a debtor's aging", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);
  await page.getByTestId("nav-invoices").click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByTestId("invoice-row").first()).toBeVisible();
  const defaultRows = await invoiceRowIds(page);

  const filtered = await showOverdueChfByOpenAmount(page);
  expect(filtered).not.toEqual(defaultRows);
  const viewName = `CHF 31-60 ${Date.now()}`;
  await page.getByTestId("view-name").fill(viewName);
  await page.getByTestId("save-view").click();
  await expect(page.getByTestId("view-saved")).toBeVisible();
  await expect(page.getByTestId("saved-view").filter({ hasText: viewName })).toHaveCount(1);

  // a fresh load of the plain list, then the saved view
  await page.reload();
  await page.goto("/invoices");
  expect(await invoiceRowIds(page)).toEqual(defaultRows);
  await expect(page.getByTestId("filter-currency")).toHaveValue("");
  await page.getByTestId("saved-view").filter({ hasText: viewName }).getByTestId("apply-view").click();
  await expect(page).toHaveURL(/bucket=31_60/);
  await expect(page.getByTestId("filter-currency")).toHaveValue("CHF");
  await expect(page.getByTestId("filter-bucket")).toHaveValue("31_60");
  expect(await invoiceRowIds(page)).toEqual(filtered);

  await openOverdueDebtor(page);

  // the saved view is gone once deleted
  await page.goto("/invoices");
  await page.getByTestId("saved-view").filter({ hasText: viewName }).getByTestId("delete-view").click();
  await page.getByTestId("delete-view-confirm").click();
  await expect(page.getByTestId("saved-view").filter({ hasText: viewName })).toHaveCount(0);
  await context.close();
});

test("another tenant's debtor page answers not found", async ({ browser }) => {
  const durand = await signedInPage(browser, USERS.sophie);
  const alpenbau = await signedInPage(browser, USERS.anna);
  await durand.page.getByTestId("nav-debtors").click();
  const href = await durand.page.getByTestId("debtor-link").first().getAttribute("href");
  expect(href).toMatch(/^\/debtors\/[0-9a-f-]{36}$/);

  await alpenbau.page.goto(href!);
  await expect(alpenbau.page.getByTestId("debtor-not-found")).toBeVisible();
  await expect(alpenbau.page.getByTestId("debtor-header")).toHaveCount(0);

  await durand.page.goto(href!);
  await expect(durand.page.getByTestId("debtor-header")).toBeVisible();

  await durand.context.close();
  await alpenbau.context.close();
});

test("from a case to its debtor's page: the open case, and the debtor's history with each event's case", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);
  await page.getByTestId("nav-cases").click();
  // the last case of the first page: the worklist test works the first two
  const link = page.getByTestId("case-link").last();
  await expect(link).toBeVisible();
  const caseHref = (await link.getAttribute("href"))!;
  await link.click();
  const note = `Débiteur rappelé le ${new Date().toISOString()}`;
  await page.getByTestId("log-call").getByTestId("call-outcome").selectOption("reached");
  await page.getByTestId("log-call").getByTestId("call-note").fill(note);
  await page.getByTestId("log-call").getByTestId("call-submit").click();
  await expect(page.getByTestId("timeline").getByTestId("timeline-event").first()).toContainText(note);
  const debtorName = (await page.getByTestId("case-debtor").textContent())!;

  await page.getByTestId("case-debtor-link").click();
  await expect(page.getByTestId("debtor-title")).toHaveText(debtorName);
  await expect(page.getByTestId("debtor-open-case-link")).toHaveAttribute("href", caseHref);
  const history = page.getByTestId("debtor-timeline");
  const call = history.getByTestId("timeline-event").first();
  await expect(call).toHaveAttribute("data-kind", "call");
  await expect(call).toContainText(note);
  await expect(call).toContainText(USERS.sophie.name);

  await call.getByTestId("timeline-case-link").click();
  await expect(page).toHaveURL(caseHref);
  await expect(page.getByTestId("case-debtor")).toHaveText(debtorName);
  await context.close();
});

test("a credit manager adds, corrects and removes a debtor's contact; a manager only reads them", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);
  await page.getByTestId("nav-debtors").click();
  // a debtor no other test writes to: the last of the first page
  const link = page.getByTestId("debtor-link").last();
  const debtorHref = (await link.getAttribute("href"))!;
  await link.click();
  const contacts = page.getByTestId("debtor-contacts");
  await contacts.getByTestId("contact-add").click();
  const form = contacts.getByTestId("contact-form");
  await form.getByTestId("contact-name").fill("Mme Odile Favre");
  await form.getByTestId("contact-preferredChannel").selectOption("sms");
  await form.getByTestId("contact-save").click();
  // SMS needs a phone number: said under that field, and nothing saved
  await expect(form.getByTestId("contact-phone-error")).toBeVisible();
  await expect(form.getByTestId("contact-phone")).toHaveAttribute("aria-invalid", "true");
  await expect(contacts.getByTestId("contact-row")).toHaveCount(0);

  await form.getByTestId("contact-phone").fill("+41 22 555 01 23");
  await form.getByTestId("contact-email").fill("compta@favre.example");
  await form.getByTestId("contact-save").click();
  const row = contacts.getByTestId("contact-row").filter({ hasText: "Mme Odile Favre" });
  await expect(row).toContainText("+41 22 555 01 23");
  await expect(row.getByTestId("contact-channel")).toHaveText("SMS");
  await expect(contacts.getByTestId("contact-form")).toHaveCount(0);

  await row.getByTestId("contact-edit").click();
  await expect(form.getByTestId("contact-name")).toHaveValue("Mme Odile Favre");
  await form.getByTestId("contact-preferredChannel").selectOption("email");
  await form.getByTestId("contact-save").click();
  await expect(row.getByTestId("contact-channel")).toHaveText("E-mail");

  // a reload shows what was stored; a manager sees it, with nothing to change
  await page.reload();
  await expect(row).toContainText("compta@favre.example");
  const marc = await signedInPage(browser, USERS.marc);
  await marc.page.goto(debtorHref);
  await expect(marc.page.getByTestId("contact-row").filter({ hasText: "Mme Odile Favre" })).toBeVisible();
  await expect(marc.page.getByTestId("contact-add")).toHaveCount(0);
  await expect(marc.page.getByTestId("contact-edit")).toHaveCount(0);

  await row.getByTestId("contact-remove").click();
  await row.getByTestId("contact-remove-confirm").click();
  await expect(contacts.getByTestId("contact-row").filter({ hasText: "Mme Odile Favre" })).toHaveCount(0);
  await marc.context.close();
  await context.close();
});

test("a credit manager gives a debtor to a sales rep, who then sees it, then takes it back", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);
  // a consumer debtor: nobody owns one
  await page.goto("/debtors?segment=b2c");
  const link = page.getByTestId("debtor-row").last().getByTestId("debtor-link");
  const name = (await link.textContent())!.trim();
  await link.click();
  const owner = page.getByTestId("debtor-owner-select");
  await expect(owner).toHaveValue("");
  await owner.selectOption({ label: USERS.thomas.name });
  await page.getByTestId("debtor-owner-save").click();
  await expect(page.getByTestId("debtor-owner")).toHaveText(USERS.thomas.name);
  const history = page.getByTestId("debtor-timeline").getByTestId("timeline-event").first();
  await expect(history).toHaveAttribute("data-kind", "assignment");
  await expect(history).toContainText(`Personne → ${USERS.thomas.name}`);

  const thomas = await signedInPage(browser, USERS.thomas);
  const findAsThomas = async () => {
    await thomas.page.goto("/debtors");
    await thomas.page.getByTestId("debtors-search").fill(name);
    return thomas.page.getByTestId("debtor-row").filter({ hasText: name });
  };
  await expect(await findAsThomas()).toHaveCount(1);

  await page.getByTestId("debtor-owner-select").selectOption("");
  await page.getByTestId("debtor-owner-save").click();
  await expect(page.getByTestId("debtor-owner")).toHaveText("—");
  await expect(await findAsThomas()).toHaveCount(0);
  await thomas.context.close();
  await context.close();
});

test("a credit manager sets a debtor's credit limit: the page and the debtors list say when he owes more, and the history keeps each change", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);
  // a French debtor late with euros: the limit is in the tenant's currency
  await page.goto("/debtors?overdue=1&jurisdiction=FR");
  await page.getByTestId("debtor-row").first().getByTestId("debtor-link").click();
  await expect(page.locator('[data-testid="aging-currency"][data-currency="EUR"]')).toBeVisible();
  const limit = page.getByTestId("debtor-credit-limit-input");
  await limit.fill("douze");
  await page.getByTestId("debtor-credit-limit-save").click();
  await expect(page.getByTestId("debtor-credit-limit-error")).toBeVisible();
  await expect(limit).toHaveAttribute("aria-invalid", "true");

  await limit.fill("1,50");
  await page.getByTestId("debtor-credit-limit-save").click();
  await expect(page.getByTestId("debtor-credit-limit")).toHaveText(/1,50/);
  await expect(page.getByTestId("credit-limit-exceeded")).toContainText("au-dessus de sa limite de crédit");
  const change = page.getByTestId("debtor-timeline").getByTestId("timeline-event").first();
  await expect(change).toHaveAttribute("data-kind", "credit_limit");
  await expect(change).toContainText("Aucune limite →");

  // the debtors list finds him among those above their limit
  const name = (await page.getByTestId("debtor-title").textContent())!;
  const debtorUrl = page.url();
  await page.getByTestId("nav-debtors").click();
  // the box reflects the URL, which the click changes a moment later
  await page.getByTestId("debtors-over-limit").click();
  await expect(page).toHaveURL(/overLimit=1/);
  await expect(page.getByTestId("debtors-over-limit")).toBeChecked();
  await expect(page.getByTestId("debtor-row").filter({ hasText: name })).toHaveCount(1);
  await page.goto(debtorUrl);

  await page.getByTestId("debtor-credit-limit-input").fill("");
  await page.getByTestId("debtor-credit-limit-save").click();
  await expect(page.getByTestId("debtor-credit-limit")).toHaveText("—");
  await expect(page.getByTestId("credit-limit-exceeded")).toHaveCount(0);
  await context.close();
});
