import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

// Alpenbau's workspace: the other specs work in Durand Industrie's day, which this one leaves as it is.
test("a credit manager plans the day, previews a letter, sends a reminder now, and finds it in the outbox and on the case", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.anna);

  await page.getByTestId("nav-worklist").click();
  await page.getByTestId("worklist-plan-today").click();
  await expect(page.getByTestId("worklist-status")).toContainText(/relances? planifiées? pour le/);
  const sendable = page.getByTestId("worklist-row").filter({ has: page.getByTestId("worklist-send-now") });
  await expect(sendable.first()).toBeVisible();
  const row = sendable.first();
  const debtor = (await row.locator("th").textContent())!.trim();

  // the preview is the PDF the debtor would get, and opening it records nothing
  const previewHref = (await row.getByTestId("worklist-preview").getAttribute("href"))!;
  const preview = await page.request.get(previewHref);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  expect((await preview.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await page.getByTestId("nav-outbox").click();
  await expect(page.getByTestId("outbox-empty")).toBeVisible();

  await page.getByTestId("nav-worklist").click();
  await page.getByTestId("worklist-row").filter({ hasText: debtor }).getByTestId("worklist-send-now").click();
  await expect(page.getByTestId("worklist-send-dialog")).toBeVisible();
  await page.getByTestId("worklist-send-confirm").click();
  await expect(page.getByTestId("worklist-status")).toHaveText(`Relance envoyée à ${debtor}.`);
  await expect(page.getByTestId("worklist-row").filter({ hasText: debtor }).getByTestId("worklist-send-now")).toHaveCount(0);

  // no SMTP server in this run: the outbox shows what would have been sent, body included
  await page.getByTestId("nav-outbox").click();
  const sent = page.getByTestId("outbox-row").filter({ hasText: debtor });
  await expect(sent).toHaveCount(1);
  await expect(sent.getByTestId("outbox-status-cell")).toHaveText("Enregistré (non envoyé)");
  await sent.getByTestId("outbox-view").click();
  const message = page.getByTestId("outbox-message");
  await expect(message.getByTestId("outbox-message-body")).not.toBeEmpty();
  await message.getByRole("link", { name: "Ouvrir le dossier" }).click();

  await expect(page.getByTestId("case-debtor")).toHaveText(debtor);
  const event = page.locator('[data-testid="timeline-event"][data-kind="reminder"], [data-testid="timeline-event"][data-kind="document"]');
  await expect(event).toHaveCount(1);
  await expect(event).toContainText(USERS.anna.name);

  await context.close();
});

test("an admin fills in the sender details; a bad IBAN is named at its field and nothing is saved", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.beat);
  await page.goto("/settings/organization");
  const form = page.getByTestId("sender-details-form");
  await form.getByLabel("Raison sociale").fill("Alpenbau SA");
  await form.getByLabel("Rue").fill("Bahnhofstrasse");
  await form.getByLabel("Numéro", { exact: true }).fill("12");
  await form.getByLabel("Code postal").fill("8001");
  await form.getByLabel("Ville").fill("Zürich");
  await form.getByLabel("Pays (FR, CH, …)").fill("CH");
  await form.getByLabel("SIREN ou IDE").fill("CHE-109.322.551");
  await form.getByLabel("IBAN", { exact: true }).fill("CH93 0076 2011 6238 5295 8");
  await form.getByTestId("sender-details-save").click();
  await expect(form.getByTestId("sender-iban-error")).toBeVisible();
  await expect(form.getByLabel("IBAN", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("IBAN", { exact: true }).fill("CH93 0076 2011 6238 5295 7");
  await form.getByLabel("QR-IBAN (Suisse, avec références QR)").fill("CH44 3199 9123 0008 8901 2");
  await form.getByTestId("sender-details-save").click();
  await expect(form.getByTestId("sender-details-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("sender-iban")).toHaveValue("CH9300762011623852957");
  await expect(page.getByTestId("sender-companyIdentifier")).toHaveValue("CHE-109.322.551");
  await context.close();
});
