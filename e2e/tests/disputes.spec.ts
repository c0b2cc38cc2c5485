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

test("a sales rep added to a dispute works it from the case page, and the credit manager sees the change live", async ({ browser }) => {
  const sophie = await signedInPage(browser, USERS.sophie);
  await sophie.page.getByTestId("nav-cases").click();
  const href = await sophie.page.getByTestId("case-link").nth(6).getAttribute("href");
  expect(href).toBeTruthy();
  await sophie.page.goto(href!);
  const number = (await sophie.page.getByTestId("case-invoice").first().locator("th").innerText()).trim();

  await sophie.page.getByTestId("open-dispute").click();
  const dialog = sophie.page.getByTestId("open-dispute-dialog");
  await dialog.locator(`[data-testid="dispute-invoice-choice"][data-number="${number}"]`).check();
  await dialog.getByLabel("Motif").selectOption({ label: "Livraison" });
  await dialog.getByRole("checkbox", { name: new RegExp(USERS.thomas.name) }).check();
  await dialog.getByTestId("dispute-submit").click();
  await expect(dialog).toBeHidden();
  const card = sophie.page.getByTestId("dispute-card").first();
  await expect(card).toContainText(USERS.thomas.name);
  await card.getByRole("button", { name: "Attendre le commercial" }).click();
  await expect(card.getByTestId("dispute-status")).toHaveText("En attente du commercial");

  // the sales rep, brought into the case, hands it to billing; he can neither resolve nor edit it
  const thomas = await signedInPage(browser, USERS.thomas);
  await thomas.page.goto(href!);
  const hisCard = thomas.page.getByTestId("dispute-card").first();
  await expect(hisCard.getByTestId("dispute-status")).toHaveText("En attente du commercial");
  await expect(hisCard.getByTestId("dispute-resolve")).toHaveCount(0);
  await expect(hisCard.getByTestId("dispute-edit")).toHaveCount(0);
  await expect(hisCard.getByRole("button", { name: "Attendre le commercial" })).toHaveCount(0);
  await hisCard.getByRole("button", { name: "Attendre la facturation" }).click();
  await expect(hisCard.getByTestId("dispute-status")).toHaveText("En attente de la facturation");

  // the credit manager's page follows without a reload; the sales clock stopped, billing's runs
  await expect(card.getByTestId("dispute-status")).toHaveText("En attente de la facturation");
  await expect(card.getByTestId("dispute-clock-billing")).toHaveAttribute("data-running", "true");
  await expect(card.getByTestId("dispute-clock-sales")).toHaveAttribute("data-running", "false");

  // a manager reads it, and may not move it
  const marc = await signedInPage(browser, USERS.marc);
  await marc.page.goto(href!);
  const hisView = marc.page.getByTestId("dispute-card").first();
  await expect(hisView.getByTestId("dispute-status")).toHaveText("En attente de la facturation");
  await expect(hisView.getByRole("group", { name: "Changer le statut" }).getByRole("button")).toHaveCount(0);
  await expect(hisView.getByTestId("notes-status")).toContainText("lecture seule");

  // the credit manager takes him off the dispute: the timeline says whom
  await card.getByTestId("dispute-edit").click();
  const edit = sophie.page.getByTestId("edit-dispute-form");
  await edit.getByRole("checkbox", { name: new RegExp(USERS.thomas.name) }).uncheck();
  await edit.getByTestId("edit-dispute-submit").click();
  await expect(edit).toBeHidden();
  await expect(sophie.page.getByTestId("timeline").locator('[data-testid="dispute-event"][data-event="participant_removed"]'))
    .toContainText(`Participant retiré du litige : ${USERS.thomas.name}`);
});
