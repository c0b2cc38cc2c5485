import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, signIn, signedInPage } from "./helpers.ts";

// the billing user is used by no other spec: these tests end his sessions and change his password (then restore it)
const lucas = USERS.lucas;

test("sessions: this device is marked, the others can be ended, and the ended device is sent to sign-in", async ({ browser }) => {
  const laptop = await signedInPage(browser, lucas);
  const phone = await signedInPage(browser, lucas);

  await laptop.page.getByTestId("nav-settings").click();
  const rows = laptop.page.getByTestId("sessions-table").getByTestId("session-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(laptop.page.getByTestId("session-current")).toHaveCount(1);
  await expect(laptop.page.getByTestId("session-current")).toHaveText("Cet appareil");

  await laptop.page.getByTestId("sessions-end-others").click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("session-current")).toBeVisible();

  // the other device's next request finds its session ended
  await phone.page.getByTestId("nav-debtors").click();
  await expect(phone.page).toHaveURL(/\/login$/);
  await expect(phone.page.getByTestId("session-ended")).toBeVisible();

  await laptop.context.close();
  await phone.context.close();
});

test("changing the password: a wrong current one is refused, a right one is confirmed", async ({ page }) => {
  await signIn(page, lucas);
  await page.goto("/settings/account");
  const newPassword = `nouveau-mot-de-passe-${Date.now()}`;

  await page.getByTestId("current-password").fill("not-the-password");
  await page.getByTestId("new-password").fill(newPassword);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("error-message")).toContainText("Le mot de passe actuel est incorrect");

  await page.getByTestId("current-password").fill(DEMO_PASSWORD);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  // still signed in, on the new session
  await page.reload();
  await expect(page.getByTestId("user-name")).toHaveText(lucas.name);

  // put the demo password back for whoever comes next
  await page.getByTestId("current-password").fill(newPassword);
  await page.getByTestId("new-password").fill(DEMO_PASSWORD);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
});
