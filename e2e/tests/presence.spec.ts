import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

test("two members of Durand on the same case see each other, and each other's additions, live", async ({ browser }) => {
  const sophie = await signedInPage(browser, USERS.sophie);
  const claire = await signedInPage(browser, USERS.claire);

  await sophie.page.getByTestId("nav-cases").click();
  const href = await sophie.page.getByTestId("case-link").first().getAttribute("href");
  expect(href).toBeTruthy();

  await sophie.page.goto(href!);
  await expect(sophie.page.getByTestId("case-header")).toBeVisible();
  const sophieSees = sophie.page.getByTestId("case-presence").getByTestId("presence-member");
  await expect(sophieSees.filter({ hasText: USERS.sophie.name })).toBeVisible();

  await claire.page.goto(href!);
  const claireSees = claire.page.getByTestId("case-presence").getByTestId("presence-member");
  // each sees the other, without reloading
  await expect(claireSees.filter({ hasText: USERS.sophie.name })).toBeVisible();
  await expect(sophieSees.filter({ hasText: USERS.claire.name })).toBeVisible();

  // what one adds to the case shows on the other's timeline without a reload
  await claire.page.getByTestId("add-note").getByTestId("note-text").fill("Relancé par courrier recommandé ce matin");
  await claire.page.getByTestId("add-note").getByTestId("note-submit").click();
  await expect(sophie.page.getByTestId("timeline").getByTestId("timeline-event").filter({ hasText: "courrier recommandé" })).toBeVisible();

  // and sees them go
  await claire.page.getByTestId("nav-cases").click();
  await expect(sophieSees.filter({ hasText: USERS.claire.name })).toHaveCount(0);
  await expect(sophieSees.filter({ hasText: USERS.sophie.name })).toBeVisible();

  await sophie.context.close();
  await claire.context.close();
});
