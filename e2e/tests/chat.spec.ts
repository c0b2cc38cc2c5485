import { expect, test } from "@playwright/test";
import { USERS, canOpenCase, caseLinks, signedInPage } from "./helpers.ts";

test("a credit manager @mentions a sales rep, who is told live, opens the case and answers", async ({ browser }) => {
  const sophie = await signedInPage(browser, USERS.sophie);
  const thomas = await signedInPage(browser, USERS.thomas);

  // two cases Thomas cannot see: one he will be mentioned in, one that stays closed to him
  const candidates: string[] = [];
  for (const href of await caseLinks(sophie.page)) {
    if (!(await canOpenCase(thomas.page, href))) candidates.push(href);
    if (candidates.length === 2) break;
  }
  const [disputed, other] = candidates;
  expect(disputed && other).toBeTruthy();

  await sophie.page.goto(disputed!);
  const sophieChat = sophie.page.getByTestId("case-chat");
  await expect(sophieChat).toHaveAttribute("data-status", "live");

  // @mention with the keyboard: type, arrow to the suggestion, Enter picks it
  const input = sophieChat.getByTestId("chat-input");
  await input.click();
  await input.pressSequentially("Bonjour @Thom");
  await expect(sophieChat.getByTestId("chat-mention-option").filter({ hasText: USERS.thomas.name })).toBeVisible();
  await input.press("Enter");
  await input.pressSequentially("le client dit ne pas avoir reçu la livraison, voir https://example.com/bl-3");
  await input.press("Enter");
  const sent = sophieChat.getByTestId("chat-message").filter({ hasText: "livraison" });
  await expect(sent).toHaveAttribute("data-state", "sent");
  await expect(sent.getByTestId("chat-mention")).toHaveText(`@${USERS.thomas.name}`);
  const link = sent.getByRole("link", { name: "https://example.com/bl-3" });
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");

  // Thomas, elsewhere in the app, sees the bell light up without reloading
  await expect(thomas.page.getByTestId("notification-count")).toHaveText("1");
  await thomas.page.getByTestId("notification-bell").click();
  const item = thomas.page.getByTestId("notification-item").first();
  await expect(item).toContainText(USERS.sophie.name);
  await expect(item).toContainText("livraison");
  await item.getByTestId("notification-link").click();
  await expect(thomas.page).toHaveURL(new RegExp(`${disputed!}\\?message=\\d+$`));
  const thomasChat = thomas.page.getByTestId("case-chat");
  await expect(thomasChat.getByTestId("chat-message").filter({ hasText: "livraison" })).toBeVisible();
  await expect(thomas.page.getByTestId("notification-count")).toHaveCount(0);
  // he is listed among the people brought into the case
  await expect(sophieChat.getByTestId("case-person").filter({ hasText: USERS.thomas.name })).toBeVisible();

  // back and forth, live
  const thomasInput = thomasChat.getByTestId("chat-input");
  await thomasInput.fill("Bon de livraison signé le 3, je vous l'envoie.");
  await expect(sophie.page.getByTestId("chat-typing")).toContainText(USERS.thomas.name);
  await thomasInput.press("Enter");
  await expect(sophie.page.getByTestId("case-chat").getByTestId("chat-message").filter({ hasText: "signé le 3" })).toBeVisible();
  await sophie.page.getByTestId("case-chat").getByTestId("chat-input").fill("Merci Thomas !");
  await sophie.page.getByTestId("case-chat").getByTestId("chat-input").press("Enter");
  await expect(thomasChat.getByTestId("chat-message").filter({ hasText: "Merci Thomas" })).toBeVisible();

  // Thomas corrects his message; Sophie sees it marked as edited
  const own = thomasChat.getByTestId("chat-message").filter({ hasText: "signé le 3" });
  await own.getByTestId("chat-edit").click();
  await thomasChat.getByTestId("chat-edit-input").fill("Bon de livraison signé le 3 mars, je vous l'envoie.");
  await thomasChat.getByTestId("chat-edit-save").click();
  await expect(sophie.page.getByTestId("case-chat").getByTestId("chat-message").filter({ hasText: "signé le 3 mars" }).getByTestId("chat-edited")).toBeVisible();

  // a reload keeps everything, in order
  await thomas.page.reload();
  const texts = thomas.page.getByTestId("case-chat").getByTestId("chat-message");
  await expect(texts).toHaveCount(3);
  await expect(texts.nth(0)).toContainText("livraison");
  await expect(texts.nth(1)).toContainText("signé le 3 mars");
  await expect(texts.nth(1).getByTestId("chat-edited")).toBeVisible();
  await expect(texts.nth(2)).toContainText("Merci Thomas");

  // the case now shows in his list, another case stays closed to him even by URL
  expect(await caseLinks(thomas.page)).toContain(disputed);
  await thomas.page.goto(other!);
  await expect(thomas.page.getByTestId("case-not-found")).toBeVisible();
  await expect(thomas.page.getByTestId("case-chat")).toHaveCount(0);

  await sophie.context.close();
  await thomas.context.close();
});
