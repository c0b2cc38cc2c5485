import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";

export const DEMO_PASSWORD = "relance-demo";

export interface DemoUser {
  email: string;
  name: string;
  org: string;
}

export const USERS = {
  claire: { email: "claire.martin@durand-industrie.example", name: "Claire Martin", org: "Durand Industrie SAS" },
  sophie: { email: "sophie.bernard@durand-industrie.example", name: "Sophie Bernard", org: "Durand Industrie SAS" },
  lucas: { email: "lucas.petit@durand-industrie.example", name: "Lucas Petit", org: "Durand Industrie SAS" },
  marc: { email: "marc.lefebvre@durand-industrie.example", name: "Marc Lefebvre", org: "Durand Industrie SAS" },
  thomas: { email: "thomas.roux@durand-industrie.example", name: "Thomas Roux", org: "Durand Industrie SAS" },
  beat: { email: "beat.meier@alpenbau.example", name: "Beat Meier", org: "Alpenbau SA" },
  anna: { email: "anna.keller@alpenbau.example", name: "Anna Keller", org: "Alpenbau SA" },
} as const satisfies Record<string, DemoUser>;

/** Signs in through the login page and waits for the app shell. */
export const signIn = async (page: Page, user: DemoUser, password = DEMO_PASSWORD): Promise<void> => {
  await page.goto("/login");
  await page.getByTestId("login-email").fill(user.email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("app-shell")).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
};

/** A fresh browser context (own cookies and storage) with one page, signed in as `user`. */
export const signedInPage = async (browser: Browser, user: DemoUser): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
};

/** Waits for the language to be saved to the account (the switch applies at once; the save follows). */
export const selectLanguage = async (page: Page, locale: "fr" | "en"): Promise<void> => {
  const saved = page.waitForResponse((r) => r.url().includes("account.setLocale") && r.request().method() === "POST");
  await page.getByTestId("language-select").selectOption(locale);
  expect((await saved).ok()).toBe(true);
};

/** The case links of the signed-in member's cases list (its first page). */
export const caseLinks = async (page: Page): Promise<string[]> => {
  await page.getByTestId("nav-cases").click();
  await expect(page.getByTestId("case-link").first()).toBeVisible();
  return page.getByTestId("case-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
};

/** Whether the member signed in on `page` may open the case at `href`, asked of the API as his browser would. */
export const canOpenCase = async (page: Page, href: string): Promise<boolean> => {
  const caseId = href.split("/").at(-1)!;
  return (await page.request.get(`/trpc/cases.get?input=${encodeURIComponent(JSON.stringify({ caseId }))}`)).ok();
};
