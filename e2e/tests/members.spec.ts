import { expect, test } from "@playwright/test";
import { USERS, signIn, signedInPage } from "./helpers.ts";

test("the admin invites a new sales rep, who joins through the link", async ({ browser }) => {
  const admin = await signedInPage(browser, USERS.claire);
  const email = `e2e.sales.${Date.now()}@durand-industrie.example`;

  await admin.page.getByTestId("nav-settings").click();
  await admin.page.getByTestId("nav-settings-members").click();
  await expect(admin.page).toHaveURL(/\/settings\/members$/);
  await admin.page.getByTestId("invite-email").fill(email);
  await admin.page.getByTestId("invite-role").selectOption("sales");
  await admin.page.getByTestId("invite-submit").click();

  const linkInput = admin.page.getByTestId("invite-link");
  await expect(linkInput).toHaveValue(/\/invite\/[^/]+$/);
  const link = await linkInput.inputValue();
  expect(link.startsWith(new URL("/invite/", admin.page.url()).href)).toBe(true);
  await admin.page.getByTestId("invite-link-copy").click();
  await expect(admin.page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("En attente");

  // the invitee, on their own device
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByTestId("invite-org")).toHaveText("Durand Industrie SAS");
  await expect(invitee.getByTestId("invite-preview-email")).toHaveText(email);
  await expect(invitee.getByTestId("invite-preview-role")).toHaveText("Commercial");
  await invitee.getByTestId("invite-display-name").fill("Zoé Testeuse");
  await invitee.getByTestId("invite-password").fill("une-phrase-de-passe-solide");
  await invitee.getByTestId("invite-accept").click();

  await expect(invitee.getByTestId("app-shell")).toBeVisible();
  await expect(invitee).toHaveURL(/\/$/);
  await expect(invitee.getByTestId("user-name")).toHaveText("Zoé Testeuse");
  await expect(invitee.getByTestId("tenant-name")).toHaveText("Durand Industrie SAS");
  await expect(invitee.getByTestId("user-menu")).toContainText("Commercial");

  // a sales rep does not manage members
  await invitee.getByTestId("nav-settings").click();
  await expect(invitee.getByTestId("nav-settings-members")).toHaveCount(0);

  // the link is single-use
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(link);
  await expect(other.getByTestId("invite-problem")).toBeVisible();

  // the admin sees the invitation accepted and the new member listed
  await admin.page.reload();
  await expect(admin.page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Acceptée");
  await expect(admin.page.getByTestId("members-table")).toContainText(email);

  await otherContext.close();
  await inviteeContext.close();
  await admin.context.close();
});

test("an invalid invitation link says so", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByTestId("invite-problem")).toBeVisible();
  await expect(page.getByTestId("invite-problem")).toContainText("n’est pas valide");
});

test("a non-admin has no members page", async ({ page }) => {
  await signIn(page, USERS.thomas);
  await page.getByTestId("nav-settings").click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByTestId("nav-settings-members")).toHaveCount(0);
  await page.goto("/settings/members");
  await expect(page.getByTestId("error-message")).toBeVisible();
  await expect(page.getByTestId("invite-email")).toHaveCount(0);
});
