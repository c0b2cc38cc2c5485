import { expect, test } from "@playwright/test";
import { USERS, signedInPage } from "./helpers.ts";

test("an admin adds a step to a dunning policy and sees the new version; a bad step is named at its field", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.claire);
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("nav-settings-collection").click();

  const editor = page.getByTestId("policy-editor");
  await editor.getByTestId("policy-segment").selectOption("b2c_fr");
  await expect(editor.getByTestId("policy-version")).toContainText("Version 1");
  const steps = editor.getByTestId("policy-step");
  const before = await steps.count();

  // a step placed before the previous one is refused, named at its field, and nothing is saved
  await editor.getByTestId("policy-add-step").click();
  await expect(steps).toHaveCount(before + 1);
  const added = steps.nth(before);
  await added.getByTestId("step-offset").fill("5");
  await editor.getByTestId("policy-save").click();
  await expect(added.getByTestId("policy-step-error")).toBeVisible();
  await expect(added.getByTestId("step-offset")).toHaveAttribute("aria-invalid", "true");
  await expect(editor.getByTestId("policy-version")).toContainText("Version 1");

  await added.getByTestId("step-offset").fill("90");
  await added.getByTestId("step-channel").selectOption("letter");
  await added.getByTestId("step-template").selectOption("formal_notice_b2c_fr");
  await added.getByTestId("step-level").fill("6");
  await editor.getByTestId("policy-thank-you").check();
  await editor.getByTestId("policy-save").click();
  await expect(editor.getByTestId("policy-saved")).toContainText("Version 2 enregistrée");
  await expect(editor.getByTestId("policy-version")).toContainText("Version 2");
  await expect(editor.getByTestId("policy-version")).toContainText(USERS.claire.name);
  await expect(editor.getByTestId("policy-history").locator("li")).toHaveCount(2);

  await page.reload();
  await page.getByTestId("policy-segment").selectOption("b2c_fr");
  await expect(page.getByTestId("policy-step")).toHaveCount(before + 1);
  await expect(page.getByTestId("policy-thank-you")).toBeChecked();
  await context.close();
});

test("an admin adds a dated rate; a malformed row is named, then the table saves", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, USERS.claire);
  await page.goto("/settings/collection");
  const editor = page.getByTestId("rate-tables-editor");
  await editor.getByTestId("rate-kind").selectOption("ecb_refinancing");
  const rows = editor.getByTestId("rate-entry");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await editor.getByTestId("rate-add").click();
  const added = rows.nth(count);
  await added.getByTestId("rate-valid-from").fill("2030-01-01");
  await added.getByTestId("rate-value").fill("deux");
  await editor.getByTestId("rate-save").click();
  await expect(added.getByTestId("rate-row-error")).toBeVisible();
  await expect(added.getByTestId("rate-value")).toHaveAttribute("aria-invalid", "true");

  await added.getByTestId("rate-value").fill("1,95");
  await editor.getByTestId("rate-save").click();
  await expect(editor.getByTestId("rate-saved")).not.toBeEmpty();
  await page.reload();
  await expect(page.getByTestId("rate-entry")).toHaveCount(count + 1);
  await expect(page.getByTestId("rate-entry").nth(count).getByTestId("rate-value")).toHaveValue("1.95");
  await context.close();
});
