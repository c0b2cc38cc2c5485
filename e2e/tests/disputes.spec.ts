import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

test("a credit manager opens a dispute from the case page, waits on sales, sees the clock, resolves it with a credit note", async ({ browser }) => {
  const { page } = await signedInPage(browser, USERS.sophie);
  await page.getByTestId("nav-cases").click();
  // a case of its own (the notes test writes in the second one)
  const href = await page.getByTestId("case-link").nth(4).getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);

  const disputes = page.getByTestId("case-disputes");
  await expect(disputes).toBeVisible();
  const firstInvoice = page.getByTestId("case-invoice").first();
  const number = (await firstInvoice.locator("th").innerText()).trim();

  // open a dispute on the first open invoice, for its whole open amount
  await disputes.getByTestId("open-dispute").click();
  const dialog = page.getByTestId("open-dispute-dialog");
  await dialog.locator(`[data-testid="dispute-invoice-choice"][data-number="${number}"]`).check();
  await dialog.getByLabel("Motif").selectOption({ label: "Prix" });
  await dialog.getByTestId("dispute-note").fill("Le client conteste le prix unitaire");
  await dialog.getByTestId("dispute-submit").click();
  await expect(dialog).toBeHidden();

  const card = disputes.getByTestId("dispute-card").first();
  await expect(card.getByTestId("dispute-status")).toHaveText("Ouvert");
  await expect(card.getByTestId("dispute-due")).toBeVisible();
  await expect(page.getByTestId("case-invoice").filter({ hasText: number }).getByTestId("invoice-disputed")).toHaveText("En litige");

  // hand it to sales: the sales clock runs
  await card.getByRole("button", { name: "Attendre le commercial" }).click();
  await expect(card.getByTestId("dispute-status")).toHaveText("En attente du commercial");
  const salesClock = card.getByTestId("dispute-clock-sales");
  await expect(salesClock).toHaveAttribute("data-running", "true");
  const first = await salesClock.locator("time").innerText();
  await expect.poll(async () => salesClock.locator("time").innerText(), { timeout: 5_000 }).not.toBe(first);
  await expect(card.getByTestId("dispute-clock-billing").locator("time")).toHaveText("00:00:00");

  // resolve with a credit note for the whole amount: the invoice leaves the open invoices
  await card.getByTestId("dispute-resolve").click();
  const resolve = page.getByTestId("resolve-dispute-dialog");
  await expect(resolve.getByTestId("resolution-credit_note")).toBeChecked();
  await resolve.getByTestId("resolve-note").fill("Avoir accordé");
  await resolve.getByTestId("resolve-submit").click();
  await expect(resolve).toBeHidden();
  await expect(card.getByTestId("dispute-status")).toHaveText("Résolu");
  await expect(card.getByTestId("dispute-resolution")).toContainText(`AV-${number}`);
  await expect(salesClock).toHaveAttribute("data-running", "false");
  await expect(page.getByTestId("case-invoice").filter({ hasText: number })).toHaveCount(0);

  // the timeline tells the story, with who and why
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('[data-testid="dispute-event"][data-event="opened"]')).toContainText("Le client conteste le prix unitaire");
  await expect(timeline.locator('[data-testid="dispute-event"][data-event="status_changed"]')).toContainText("En attente du commercial");
  await expect(timeline.locator('[data-testid="dispute-event"][data-event="resolved"]')).toContainText("Avoir accordé");
  await expect(timeline.getByTestId("timeline-event").filter({ hasText: "Litige résolu" })).toContainText(USERS.sophie.name);
});
