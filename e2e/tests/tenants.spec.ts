import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

test("one tenant never sees another's debtors or cases", async ({ browser }) => {
  const durand = await signedInPage(browser, USERS.sophie);
  const alpenbau = await signedInPage(browser, USERS.anna);
  await expect(durand.page.getByTestId("tenant-name")).toHaveText("Durand Industrie SAS");
  await expect(alpenbau.page.getByTestId("tenant-name")).toHaveText("Alpenbau SA");

  // a debtor of Durand; preferably with a French-only legal form, which the Swiss book is least likely to share
  await durand.page.getByTestId("nav-debtors").click();
  const durandNames = durand.page.getByTestId("debtor-row").getByTestId("debtor-name");
  await expect(durandNames.first()).toBeVisible();
  const names = (await durandNames.allTextContents()).map((n) => n.trim());
  const name = names.find((n) => /\s(SAS|SARL|EURL|SASU)$/.test(n)) ?? names[0]!;

  // Alpenbau's own book is there…
  await alpenbau.page.getByTestId("nav-debtors").click();
  await expect(alpenbau.page.getByTestId("debtor-row").first()).toBeVisible();
  // …but searching it for Durand's debtor finds nothing
  await alpenbau.page.getByTestId("debtors-search").fill(name);
  await expect(alpenbau.page.getByTestId("debtors-empty")).toBeVisible();
  await expect(alpenbau.page.getByTestId("debtor-row")).toHaveCount(0);

  // the same search does find it at Durand
  await durand.page.getByTestId("debtors-search").fill(name);
  await expect(durand.page.getByTestId("debtor-row").first()).toContainText(name);

  // a Durand case, opened by URL from Alpenbau
  await durand.page.getByTestId("nav-cases").click();
  const href = await durand.page.getByTestId("case-link").first().getAttribute("href");
  expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  await alpenbau.page.goto(href!);
  await expect(alpenbau.page.getByTestId("case-not-found")).toBeVisible();
  await expect(alpenbau.page.getByTestId("case-header")).toHaveCount(0);
  await expect(alpenbau.page.getByTestId("tenant-name")).toHaveText("Alpenbau SA");

  // while Durand opens it
  await durand.page.goto(href!);
  await expect(durand.page.getByTestId("case-header")).toBeVisible();

  await durand.context.close();
  await alpenbau.context.close();
});
