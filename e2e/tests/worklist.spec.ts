import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

/** A calendar date in Paris, `days` from today (the server's "today" for a French tenant). */
const parisDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

test("a credit manager works a case from its timeline, then moves through the day by keyboard", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.sophie);

  await page.getByTestId("nav-cases").click();
  const links = page.getByTestId("case-link");
  await expect(links.first()).toBeVisible();
  const firstName = (await links.nth(0).textContent())!.trim();
  const secondHref = (await links.nth(1).getAttribute("href"))!;
  await links.nth(0).click();
  await expect(page.getByTestId("case-debtor")).toHaveText(firstName);
  await expect(page.getByTestId("case-invoices")).toBeVisible();

  // log a call, due again today: it shows on the timeline
  const call = page.getByTestId("log-call");
  await call.getByTestId("call-outcome").selectOption("callback");
  await call.getByTestId("call-note").fill("Comptable absente, rappeler cet après-midi");
  await call.getByTestId("call-next-date").fill(parisDate());
  await call.getByTestId("call-submit").click();
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('[data-testid="timeline-event"][data-kind="call"]')).toContainText("Comptable absente");
  await expect(timeline.getByTestId("timeline-event").first()).toContainText(USERS.sophie.name);

  // record a promise: it shows on the timeline and as pending
  const promise = page.getByTestId("record-promise");
  await promise.getByTestId("promise-amount").fill("1 250,50");
  await promise.getByTestId("promise-date").fill(parisDate(7));
  await promise.getByTestId("promise-submit").click();
  await expect(timeline.locator('[data-testid="timeline-event"][data-kind="promise"]')).toBeVisible();
  await expect(timeline.getByTestId("timeline-event").first()).toHaveAttribute("data-kind", "promise");
  await expect(page.getByTestId("pending-promise")).toHaveCount(1);

  // a second case due today, so that the day has two rows to move between
  await page.goto(secondHref);
  await expect(page.getByTestId("case-header")).toBeVisible();
  await page.getByTestId("log-call").getByTestId("call-outcome").selectOption("no_answer");
  await page.getByTestId("log-call").getByTestId("call-next-date").fill(parisDate());
  await page.getByTestId("log-call").getByTestId("call-submit").click();
  await expect(page.locator('[data-testid="timeline-event"][data-kind="call"]')).toHaveCount(1);

  await page.getByTestId("nav-worklist").click();
  await expect(page.getByTestId("worklist-keys")).toBeVisible();
  const rows = page.getByTestId("worklist-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(rows.filter({ hasText: firstName }).getByTestId("worklist-promise")).toBeVisible();

  // c opens the call dialog for the current row; Escape closes it
  await page.keyboard.press("c");
  await expect(page.getByTestId("worklist-call-dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("worklist-call-dialog")).toBeHidden();

  // Enter opens the current row's case
  const currentName = (await rows.nth(0).locator("th").textContent())!.trim();
  await rows.nth(0).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("case-debtor")).toHaveText(currentName);

  await context.close();
});
