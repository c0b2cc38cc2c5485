import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

/** A calendar date in Zürich, `days` from today. */
const zurichDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Zurich", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

test("a payment order served a month ago raises a continuation alert, pushed live to the alerts panel", async ({ browser }) => {
  const panel = await signedInPage(browser, USERS.anna);
  const work = await signedInPage(browser, USERS.anna);

  // record the payment order on one of Anna's cases
  await work.page.getByTestId("nav-cases").click();
  await work.page.getByTestId("case-link").first().click();
  const legal = work.page.getByTestId("case-legal");
  const form = legal.getByTestId("legal-form");
  await form.getByLabel("Type").selectOption("ch_payment_order");
  await form.getByLabel("Rendue / émise le").fill(zurichDate(-40));
  await form.getByLabel("Signifiée / notifiée le (si connu)").fill(zurichDate(-45));
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.locator(".field-error")).toBeVisible(); // served before issued: named at its field
  await form.getByLabel("Signifiée / notifiée le (si connu)").fill(zurichDate(-30));
  await form.getByLabel("Référence").fill("ZB 2026-77");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(legal.getByTestId("legal-item")).toContainText("ZB 2026-77");

  // the panel is open elsewhere; the day's checks run; the alert arrives without a reload
  await panel.page.getByTestId("nav-alerts").click();
  await expect(panel.page.getByRole("heading", { name: "Alertes" })).toBeVisible();
  await expect(panel.page.locator('[data-testid="alert"][data-kind="schkg_continuation"]')).toHaveCount(0);
  await work.page.getByTestId("nav-worklist").click();
  await work.page.getByTestId("worklist-plan-today").click();
  await expect(work.page.getByTestId("worklist-status")).toContainText("planifi");
  const alert = panel.page.locator('[data-testid="alert"][data-kind="schkg_continuation"]');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("Continuation de la poursuite possible");
  await expect(alert).toContainText("ZB 2026-77");

  await alert.getByTestId("alert-read").click();
  await expect(alert.getByTestId("alert-read")).toHaveCount(0);
  await panel.context.close();
  await work.context.close();
});
