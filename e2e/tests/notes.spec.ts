import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, signedInPage } from "./helpers.ts";

test("two people type in a case's shared notes at once, see each other's text and cursor, and a reload keeps it", async ({ browser }) => {
  const sophie = await signedInPage(browser, USERS.sophie);
  const claire = await signedInPage(browser, USERS.claire);

  await sophie.page.getByTestId("nav-cases").click();
  const href = await sophie.page.getByTestId("case-link").nth(1).getAttribute("href");
  expect(href).toBeTruthy();
  await Promise.all([sophie.page.goto(href!), claire.page.goto(href!)]);

  const sophieNotes = sophie.page.getByTestId("collaborative-notes");
  const claireNotes = claire.page.getByTestId("collaborative-notes");
  for (const notes of [sophieNotes, claireNotes]) {
    await expect(notes).toHaveAttribute("data-status", "live");
    await expect(notes.getByTestId("notes-editor")).toHaveAttribute("contenteditable", "true");
  }

  const sophieText = "Le client conteste la facture 2024-118.";
  const claireText = "Avoir demandé au service facturation.";
  await sophieNotes.getByTestId("notes-editor").click();
  await claireNotes.getByTestId("notes-editor").click();
  // Both type at the same time, each in the same empty document.
  await Promise.all([sophie.page.keyboard.type(sophieText, { delay: 15 }), claire.page.keyboard.type(claireText, { delay: 15 })]);

  for (const notes of [sophieNotes, claireNotes]) {
    await expect(notes.getByTestId("notes-editor")).toContainText(sophieText);
    await expect(notes.getByTestId("notes-editor")).toContainText(claireText);
  }
  // Each sees the other's caret, labelled with the other's name, and the other in the list of people here.
  await expect(sophieNotes.locator(".collaboration-carets__label", { hasText: USERS.claire.name })).toBeVisible();
  await expect(claireNotes.locator(".collaboration-carets__label", { hasText: USERS.sophie.name })).toBeVisible();
  await expect(sophieNotes.getByTestId("notes-collaborator").filter({ hasText: USERS.claire.name })).toBeVisible();

  // Formatting from the toolbar reaches the other side too.
  await sophie.page.keyboard.press("Enter");
  await sophieNotes.getByTestId("notes-bold").click();
  await expect(sophieNotes.getByTestId("notes-bold")).toHaveAttribute("aria-pressed", "true");
  await sophie.page.keyboard.type("Urgent");
  await expect(claireNotes.locator("strong", { hasText: "Urgent" })).toBeVisible();

  // What was typed survives a reload (carets are decorations, not content: compare the content only).
  const keepsEverything = async () => {
    await expect(claireNotes).toHaveAttribute("data-status", "live");
    const editor = claireNotes.getByTestId("notes-editor");
    await expect(editor).toContainText(sophieText);
    await expect(editor).toContainText(claireText);
    await expect(editor.locator("strong", { hasText: "Urgent" })).toBeVisible();
  };
  await claire.page.reload();
  await keepsEverything();
  // Alone now: after the last other editor left, what comes back is what the server stored.
  await sophie.context.close();
  await claire.page.reload();
  await keepsEverything();
  await claire.context.close();
});

test("a manager reads a case's notes but cannot type in them", async ({ browser }) => {
  const marc = await signedInPage(browser, USERS.marc);
  await marc.page.getByTestId("nav-cases").click();
  await marc.page.getByTestId("case-link").nth(1).click();
  const notes = marc.page.getByTestId("collaborative-notes");
  await expect(notes).toHaveAttribute("data-status", "live");
  await expect(notes).toHaveAttribute("data-read-only", "true");
  await expect(notes.getByTestId("notes-editor")).toHaveAttribute("contenteditable", "false");
  await expect(notes.getByTestId("notes-bold")).toBeDisabled();
  await marc.context.close();
});

test("the notes say the session ended when it is signed out elsewhere mid-edit, and offer to sign in again", async ({ browser }) => {
  const lucas = await signedInPage(browser, USERS.lucas);
  await lucas.page.getByTestId("nav-cases").click();
  await lucas.page.getByTestId("case-link").nth(2).click();
  const notes = lucas.page.getByTestId("collaborative-notes");
  await expect(notes).toHaveAttribute("data-status", "live");
  await notes.getByTestId("notes-editor").click();
  await lucas.page.keyboard.type("Relance téléphonique prévue.", { delay: 10 });

  // The same session, signed out from another window (same cookie, another context).
  const elsewhere = await browser.newContext({ storageState: await lucas.context.storageState() });
  const other = await elsewhere.newPage();
  await other.goto("/");
  await other.getByTestId("sign-out").click();
  await expect(other.getByTestId("login-submit")).toBeVisible();
  await elsewhere.close();

  // Not "connecting" forever: the notes say why and stop taking keystrokes that would go nowhere.
  await expect(notes).toHaveAttribute("data-status", "sessionEnded");
  await expect(notes.getByTestId("notes-status")).toContainText("Votre session a pris fin");
  await expect(notes.getByTestId("notes-editor")).toHaveAttribute("contenteditable", "false");
  const caseUrl = lucas.page.url();
  await notes.getByTestId("notes-sign-in-again").click();
  await expect(lucas.page.getByTestId("login-submit")).toBeVisible();
  // signing in again brings him back to the case, its notes live again with what he typed before
  await lucas.page.getByTestId("login-email").fill(USERS.lucas.email);
  await lucas.page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await lucas.page.getByTestId("login-submit").click();
  await expect(lucas.page).toHaveURL(caseUrl);
  await expect(notes).toHaveAttribute("data-status", "live");
  await expect(notes.getByTestId("notes-editor")).toContainText("Relance téléphonique prévue.");
  await lucas.context.close();
});
