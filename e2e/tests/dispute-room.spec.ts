import { expect, test } from "@playwright/test";
import { USERS, canOpenCase, caseLinks, signedInPage } from "./helpers.ts";

test("the dispute room: a dispute opened, a sales rep @mentioned in, both writing its notes at once and chatting, all kept", async ({ browser }) => {
  const sophie = await signedInPage(browser, USERS.sophie);
  const thomas = await signedInPage(browser, USERS.thomas);

  // two cases Thomas cannot see, further down the list than the other specs look
  const closed: string[] = [];
  for (const href of (await caseLinks(sophie.page)).slice(10)) {
    if (!(await canOpenCase(thomas.page, href))) closed.push(href);
    if (closed.length === 2) break;
  }
  const [roomCase, otherCase] = closed;
  expect(roomCase && otherCase).toBeTruthy();

  // Sophie opens a dispute on the first open invoice
  await sophie.page.goto(roomCase!);
  const disputes = sophie.page.getByTestId("case-disputes");
  const number = (await sophie.page.getByTestId("case-invoice").first().locator("th").innerText()).trim();
  await disputes.getByTestId("open-dispute").click();
  const dialog = sophie.page.getByTestId("open-dispute-dialog");
  await dialog.locator(`[data-testid="dispute-invoice-choice"][data-number="${number}"]`).check();
  await dialog.getByLabel("Motif").selectOption({ label: "Livraison" });
  await dialog.getByTestId("dispute-note").fill("Le client dit avoir reçu deux palettes sur trois");
  await dialog.getByTestId("dispute-submit").click();
  await expect(dialog).toBeHidden();
  const sophieCard = disputes.getByTestId("dispute-card").first();
  await expect(sophieCard.getByTestId("dispute-status")).toHaveText("Ouvert");

  // … and brings Thomas in with an @mention in the case chat
  const sophieChat = sophie.page.getByTestId("case-chat");
  await expect(sophieChat).toHaveAttribute("data-status", "live");
  const input = sophieChat.getByTestId("chat-input");
  await input.click();
  await input.pressSequentially("@Thom");
  await expect(sophieChat.getByTestId("chat-mention-option").filter({ hasText: USERS.thomas.name })).toBeVisible();
  await input.press("Enter");
  await input.pressSequentially(`peux-tu retrouver le bon de livraison de la facture ${number} ?`);
  await input.press("Enter");
  await expect(sophieChat.getByTestId("chat-message").filter({ hasText: "bon de livraison" })).toHaveAttribute("data-state", "sent");

  // Thomas is told live, wherever he is, and opens the case from the notification
  await expect(thomas.page.getByTestId("notification-count")).toHaveText("1");
  await thomas.page.getByTestId("notification-bell").click();
  await thomas.page.getByTestId("notification-item").first().getByTestId("notification-link").click();
  await expect(thomas.page).toHaveURL(new RegExp(`${roomCase!}\\?message=\\d+$`));
  const thomasCard = thomas.page.getByTestId("case-disputes").getByTestId("dispute-card").first();
  await expect(thomasCard.getByTestId("dispute-status")).toHaveText("Ouvert");

  // both write in the dispute's notes at the same time, and see each other's words and named caret
  const sophieNotes = sophieCard.getByTestId("collaborative-notes");
  const thomasNotes = thomasCard.getByTestId("collaborative-notes");
  for (const notes of [sophieNotes, thomasNotes]) {
    await expect(notes).toHaveAttribute("data-status", "live");
    await expect(notes.getByTestId("notes-editor")).toHaveAttribute("contenteditable", "true");
  }
  const sophieText = "Litige livraison : 2 palettes sur 3 selon le client.";
  const thomasText = "BL signé par le client le 3, scan demandé au dépôt.";
  await sophieNotes.getByTestId("notes-editor").click();
  await thomasNotes.getByTestId("notes-editor").click();
  await Promise.all([sophie.page.keyboard.type(sophieText, { delay: 15 }), thomas.page.keyboard.type(thomasText, { delay: 15 })]);
  for (const notes of [sophieNotes, thomasNotes]) {
    await expect(notes.getByTestId("notes-editor")).toContainText(sophieText);
    await expect(notes.getByTestId("notes-editor")).toContainText(thomasText);
  }
  await expect(sophieNotes.locator(".collaboration-carets__label", { hasText: USERS.thomas.name })).toBeVisible();
  await expect(thomasNotes.locator(".collaboration-carets__label", { hasText: USERS.sophie.name })).toBeVisible();

  // they chat back and forth
  const thomasChat = thomas.page.getByTestId("case-chat");
  await thomasChat.getByTestId("chat-input").fill("Je l'ai : la troisième palette a été livrée le 5.");
  await thomasChat.getByTestId("chat-input").press("Enter");
  await expect(sophieChat.getByTestId("chat-message").filter({ hasText: "troisième palette" })).toBeVisible();
  await sophieChat.getByTestId("chat-input").fill("Parfait, je le transmets au client.");
  await sophieChat.getByTestId("chat-input").press("Enter");
  await expect(thomasChat.getByTestId("chat-message").filter({ hasText: "je le transmets" })).toBeVisible();

  // a reload keeps the dispute, its notes and the conversation
  await thomas.page.reload();
  const reloadedCard = thomas.page.getByTestId("case-disputes").getByTestId("dispute-card").first();
  const reloadedNotes = reloadedCard.getByTestId("collaborative-notes");
  await expect(reloadedNotes).toHaveAttribute("data-status", "live");
  await expect(reloadedNotes.getByTestId("notes-editor")).toContainText(sophieText);
  await expect(reloadedNotes.getByTestId("notes-editor")).toContainText(thomasText);
  const messages = thomas.page.getByTestId("case-chat").getByTestId("chat-message");
  await expect(messages).toHaveCount(3);
  await expect(messages.nth(0)).toContainText("bon de livraison");
  await expect(messages.nth(2)).toContainText("je le transmets");

  // his cases list finds it among the cases with an open dispute, marked as one he was brought into
  await thomas.page.getByTestId("nav-cases").click();
  // the box follows the URL, which the router updates in a transition: click, then wait for it to read checked
  await thomas.page.getByTestId("cases-disputed-only").click();
  await expect(thomas.page.getByTestId("cases-disputed-only")).toBeChecked();
  const listed = thomas.page.getByTestId("case-row").filter({ has: thomas.page.locator(`a[href="${roomCase!}"]`) });
  await expect(listed.getByTestId("case-brought-in")).toBeVisible();
  await expect(listed.getByTestId("case-open-disputes")).toContainText("1");

  // the rest of the ledger stays closed to him, even by URL
  await thomas.page.goto(otherCase!);
  await expect(thomas.page.getByTestId("case-not-found")).toBeVisible();
  await expect(thomas.page.getByTestId("collaborative-notes")).toHaveCount(0);

  await sophie.context.close();
  await thomas.context.close();
});
