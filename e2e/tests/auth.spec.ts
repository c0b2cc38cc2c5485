import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, selectLanguage, signIn } from "./helpers.ts";

test.describe("sign-in, language and sign-out", () => {
  test("the credit manager works in French, switches to English, keeps it, and signs out", async ({ page, browser }) => {
    await signIn(page, USERS.sophie);

    // French by default: the account's saved language
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByTestId("nav-debtors")).toHaveText("Débiteurs");
    await expect(page.getByTestId("nav-home")).toHaveText("Accueil");
    await expect(page.getByTestId("tenant-name")).toHaveText(USERS.sophie.org);
    await expect(page.getByTestId("user-menu")).toContainText("Credit manager");
    await expect(page.getByTestId("sign-out")).toHaveText("Se déconnecter");
    // amounts formatted for French: "1 234,56 €"
    await expect(page.locator('[data-testid="summary-card"][data-currency="EUR"]')).toContainText(/\d,\d{2}\s€/);

    try {
      await selectLanguage(page, "en");
      await expect(page.getByTestId("nav-debtors")).toHaveText("Debtors");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");

      // remembered after a reload…
      await page.reload();
      await expect(page.getByTestId("app-shell")).toBeVisible();
      await expect(page.getByTestId("nav-debtors")).toHaveText("Debtors");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByTestId("language-select")).toHaveValue("en");

      // …and on another device, since it is saved to the account
      const other = await browser.newContext();
      const otherPage = await other.newPage();
      await signIn(otherPage, USERS.sophie);
      await expect(otherPage.getByTestId("nav-debtors")).toHaveText("Debtors");
      await other.close();
    } finally {
      // leave the shared demo account as it was seeded
      if ((await page.getByTestId("language-select").inputValue()) !== "fr") await selectLanguage(page, "fr");
    }
    await expect(page.getByTestId("nav-debtors")).toHaveText("Débiteurs");

    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("login-email")).toBeVisible();

    // the session is really gone: a protected page sends back to sign-in
    await page.goto("/debtors");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong password shows an error and stays on the login page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.getByTestId("login-email").fill(USERS.marc.email);
    await page.getByTestId("login-password").fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("error-message")).toContainText("E-mail ou mot de passe incorrect");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("app-shell")).toHaveCount(0);
  });

  test("the login page has its own language switch, remembered on the device", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByTestId("login-submit")).toHaveText("Se connecter");
    await page.getByTestId("language-select").selectOption("en");
    await expect(page.getByTestId("login-submit")).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByTestId("login-submit")).toHaveText("Sign in");

    await page.getByTestId("login-email").fill(USERS.marc.email);
    await page.getByTestId("login-password").fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("error-message")).toContainText("Wrong e-mail or password");
  });
});
