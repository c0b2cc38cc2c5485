import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

// The same token as the e2e server's INBOUND_EMAIL_TOKEN (playwright.config.ts).
const TOKEN = "e2e-inbound-email-token-0123456789";
const BIN = fileURLToPath(new URL("../../apps/server/bin/relance.js", import.meta.url));
const run = promisify(execFile);

/** The real CLI, run inside the e2e server through its admin socket (the embedded database is the server's). */
const relance = async (cwd: string, ...args: string[]): Promise<string> =>
  (await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, DATA_DIR: process.env.RELANCE_E2E_DATA_DIR! } })).stdout;

const parisDate = (days: number): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

const reply = (ourMessageId: string) =>
  [
    "From: Jeanne Martin <jeanne.martin@verrerie-test.example>",
    "To: relances@relance.example",
    "Subject: Re: Relance",
    `Message-ID: <reply-${Date.now()}@mail.verrerie-test.example>`,
    `In-Reply-To: ${ourMessageId}`,
    `References: ${ourMessageId}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "Bonjour,",
    "",
    "Le virement part demain, désolée pour le retard.",
    "",
    "Jeanne",
    "",
    "Le lun. 2 mars 2026 à 10:00, Relance <relances@relance.example> a écrit :",
    "> Sauf erreur de notre part, la facture VT-1 reste impayée.",
    "",
  ].join("\r\n");

// A tenant of its own, made with the CLI: the demo workspaces' worklists and outboxes belong to other specs.
test("a debtor's reply to a reminder sent from the worklist appears on the case timeline and alerts the collector", async ({ browser }) => {
  const slug = `inbound-${Date.now().toString(36)}`;
  const user = { email: `nina.roche@${slug}.example`, name: "Nina Roche", org: "Verrerie Inbound SARL" };
  const dir = await mkdtemp(join(tmpdir(), "relance-inbound-e2e-"));
  try {
    await relance(dir, "org", "create", slug, "--name", user.org);
    await relance(dir, "user", "create", "--org", slug, "--email", user.email, "--role", "credit_manager", "--name", user.name, "--password", "relance-inbound-e2e");
    const header = "debtor_external_id,debtor_name,debtor_country,debtor_segment,debtor_email,invoice_number,issue_date,due_date,amount,open_amount,currency";
    await writeFile(join(dir, "open-items.csv"), `${header}\nVT1,Verrerie Test SARL,FR,b2b,compta@verrerie-test.example,VT-1,${parisDate(-40)},${parisDate(-10)},1250.00,1250.00,EUR\n`);
    await relance(dir, "import", "csv", "open-items.csv", "--org", slug);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, "relance-inbound-e2e");

  // the scheduler is off: plan the day, then send the reminder now from the worklist
  await page.getByTestId("nav-worklist").click();
  await page.getByTestId("worklist-plan-today").click();
  await expect(page.getByTestId("worklist-status")).toContainText(/relances? planifiées? pour le/);
  const row = page.getByTestId("worklist-row").filter({ hasText: "Verrerie Test SARL" });
  await row.getByTestId("worklist-send-now").click();
  await page.getByTestId("worklist-send-confirm").click();
  await expect(page.getByTestId("worklist-status")).toHaveText("Relance envoyée à Verrerie Test SARL.");

  await page.getByTestId("nav-cases").click();
  await page.getByTestId("case-link").filter({ hasText: "Verrerie Test SARL" }).click();
  await expect(page.getByTestId("case-debtor")).toHaveText("Verrerie Test SARL");
  await expect(page.locator('[data-testid="timeline-event"][data-kind="reminder"]')).toHaveCount(1);

  // the Message-ID the reminder went out with, as the debtor's mail client quotes it
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  const timeline = await page.request.get(`/trpc/cases.timeline?input=${encodeURIComponent(JSON.stringify({ caseId, limit: 5 }))}`);
  const events = ((await timeline.json()) as { result: { data: { events: { kind: string; payload: { messageId?: string } }[] } } }).result.data.events;
  const messageId = events.find((e) => e.kind === "reminder")?.payload.messageId;
  expect(messageId).toMatch(/^<relance\.[0-9a-f-]{36}@.+>$/);

  // the mail provider's webhook posts the raw reply
  const refused = await page.request.post("/api/inbound-email", { headers: { authorization: "Bearer not-the-token-at-all-0000" }, data: reply(messageId!) });
  expect(refused.status()).toBe(401);
  const posted = await page.request.post("/api/inbound-email", {
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "message/rfc822" },
    data: Buffer.from(reply(messageId!), "utf8"),
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ status: "recorded", kind: "reply", caseId, alerts: 1 });

  await page.reload();
  const event = page.locator('[data-testid="timeline-event"][data-kind="reply"]');
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("Réponse");
  await expect(event.getByTestId("inbound-reply")).toContainText("De jeanne.martin@verrerie-test.example");
  await expect(event.getByTestId("inbound-reply")).toContainText("Le virement part demain, désolée pour le retard.");
  await expect(event.getByTestId("inbound-reply")).toContainText("Historique cité omis");
  await expect(event).not.toContainText("reste impayée");

  await page.getByTestId("nav-alerts").click();
  const alert = page.locator('[data-testid="alert"][data-kind="debtor_replied"]');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("Le débiteur a répondu");
  await expect(alert).toContainText("Verrerie Test SARL");
  await context.close();
});
