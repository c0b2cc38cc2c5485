import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { enqueueJob, listJobs, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { simpleParser } from "mailparser";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../testing/smtp-capture.ts";
import type { ServiceDeps } from "../deps.ts";
import { dailyJobKey, runDueJobs } from "../collection/dunning-scheduler.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { sendDueActions } from "../collection/send-due-actions.ts";
import { addDebtorContact } from "../ledger/debtor-contacts.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";

const AS_OF = "2026-03-02";
const MONDAY_10H_PARIS = new Date("2026-03-02T09:00:00Z");
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

let db: Database;
let deps: ServiceDeps;
let smtp: SmtpCapture;
let smtpUrl: string;
let received: CapturedMail[];

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
  smtp = await startSmtpCapture();
  ({ url: smtpUrl, received } = smtp);
});
afterAll(async () => {
  await smtp.close();
  await db.close();
});

/** A debtor with an e-mail and one invoice whose due step (b2b_fr) depends on the due date. */
const debtorWithInvoice = async (org: OrganizationRow, name: string, email: string, number: string, dueDate: string) => {
  const debtorId = await addDebtor(deps, org, { name });
  await withTenant(db.sql, org.id, (tx) => tx`update debtors set email = ${email}, address_line1 = '4 place Bellecour', postal_code = '69002', city = 'Lyon' where id = ${debtorId}`);
  await addInvoices(deps, org, debtorId, [{ number, dueDate, amountMinor: 125_000 }]);
  return debtorId;
};

const actionStatuses = (org: OrganizationRow) =>
  withTenant(db.sql, org.id, (tx) => tx<{ status: string; channel: string }[]>`select status, channel from dunning_actions order by channel`);

describe("sendDueActions", () => {
  it("delivers exactly one e-mail per action to a real SMTP server, even with two senders at once", async () => {
    const org = await buildOrg(deps, { name: "Acme Équipements SAS" });
    for (let i = 0; i < 3; i++) await debtorWithInvoice(org, `Client ${i}`, `compta${i}@client${i}.example`, `E-${i}`, "2026-02-20");
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions.map((a) => a.channel)).toEqual(["email", "email", "email"]);
    const before = received.length;
    const [a, b] = await Promise.all([
      sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl, sender: { email: "relances@acme.example" } }),
      sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl, sender: { email: "relances@acme.example" } }),
    ]);
    expect(a.sent + b.sent).toBe(3);
    const mails = received.slice(before);
    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual(["compta0@client0.example", "compta1@client1.example", "compta2@client2.example"]);
    const outbox = await withTenant(db.sql, org.id, (tx) => tx<{ status: string; messageId: string }[]>`select status, message_id as "messageId" from outbox_messages`);
    expect(outbox.map((o) => o.status)).toEqual(["sent", "sent", "sent"]);
    const parsed = await Promise.all(mails.map((m) => simpleParser(m.raw)));
    expect(new Set(parsed.map((p) => p.messageId))).toEqual(new Set(outbox.map((o) => o.messageId)));
    expect(parsed[0]!.text).toContain("E-");
    expect((await actionStatuses(org)).map((s) => s.status)).toEqual(["sent", "sent", "sent"]);
    const events = await withTenant(db.sql, org.id, (tx) => tx<{ kind: string; actorId: string | null }[]>`select kind, actor_id as "actorId" from timeline_events`);
    expect(events).toEqual([{ kind: "reminder", actorId: null }, { kind: "reminder", actorId: null }, { kind: "reminder", actorId: null }]);
    const again = await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl });
    expect(again.sent).toBe(0);
  });

  it("writes to the debtor's accounts-payable contact when the debtor has no address of its own", async () => {
    const org = await buildOrg(deps, { name: "Acme Contacts SAS" });
    const debtorId = await addDebtor(deps, org, { name: "Tonnellerie Sans Adresse" });
    await addInvoices(deps, org, debtorId, [{ number: "C-1", dueDate: "2026-02-20", amountMinor: 125_000 }]);
    const cm = await buildMember(deps, org, "credit_manager");
    // the buyer was known first; the reminder still goes to accounts payable
    await addDebtorContact(deps, cm, { debtorId, contact: { name: "M. Achat", role: "buyer", email: "achats@tonnellerie.example", preferredChannel: "email" } });
    await addDebtorContact(deps, cm, { debtorId, contact: { name: "Mme Compta", role: "accounts_payable", email: "compta@tonnellerie.example", preferredChannel: "email" } });
    await planDunning(deps, org.id, { asOf: AS_OF });
    const before = received.length;
    expect((await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl })).sent).toBe(1);
    expect(received.slice(before).map((m) => m.rcptTo[0])).toEqual(["compta@tonnellerie.example"]);
  });

  it("leaves actions planned during quiet hours", async () => {
    const org = await buildOrg(deps);
    await debtorWithInvoice(org, "Nuit SARL", "compta@nuit.example", "Q-1", "2026-02-20");
    await planDunning(deps, org.id, { asOf: AS_OF });
    const report = await sendDueActions(deps, org.id, { now: new Date("2026-03-02T21:30:00Z") });
    expect(report).toMatchObject({ sent: 0, deferred: { count: 1, nextWindow: { date: "2026-03-03", time: "08:00" } } });
    expect(await actionStatuses(org)).toEqual([{ status: "planned", channel: "email" }]);
  });

  it("renders a letter action as a PDF naming the debtor and the invoice", async () => {
    const org = await buildOrg(deps);
    await debtorWithInvoice(org, "Société Générale de Négoce SARL", "compta@sgn.example", "F-2026-042", "2026-02-05"); // +25 days: reminder_2 letter
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions[0]).toMatchObject({ channel: "letter", level: 3 });
    const report = await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS });
    expect(report.sent).toBe(1);
    const [doc] = await withTenant(db.sql, org.id, (tx) => tx<{ content: Buffer; kind: string }[]>`select content, kind from generated_documents`);
    const pdf = await getDocument({ data: new Uint8Array(doc!.content), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise;
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++) text += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    await pdf.destroy();
    const flat = text.replace(/[\s\u00a0\u202f]+/g, " ");
    expect(flat).toContain("Société Générale de Négoce SARL");
    expect(flat).toContain("F-2026-042");
    const [outbox] = await withTenant(db.sql, org.id, (tx) => tx<{ channel: string; status: string }[]>`select channel, status from outbox_messages`);
    expect(outbox).toEqual({ channel: "letter", status: "recorded" });
    const [event] = await withTenant(db.sql, org.id, (tx) => tx<{ kind: string }[]>`select kind from timeline_events`);
    expect(event!.kind).toBe("document");
  });
});

describe("runDueJobs", () => {
  it("runs a daily job once with two workers, and enqueues the next day once", async () => {
    const org = await buildOrg(deps);
    await debtorWithInvoice(org, "Jobs SA", "compta@jobs.example", "J-1", "2026-02-20");
    const job = { orgId: org.id, kind: "dunning.daily", runAt: MONDAY_10H_PARIS, dedupeKey: dailyJobKey(org.id, AS_OF), payload: { date: AS_OF } };
    expect(await enqueueJob(db.sql, job)).toBe(true);
    expect(await enqueueJob(db.sql, job)).toBe(false);
    const [a, b] = await Promise.all([
      runDueJobs(deps, { now: MONDAY_10H_PARIS, workerId: "w1" }),
      runDueJobs(deps, { now: MONDAY_10H_PARIS, workerId: "w2" }),
    ]);
    expect(a.done + b.done).toBe(1);
    const jobs = await listJobs(db.sql, "dunning.daily", org.id);
    expect(jobs.map((j) => [j.dedupeKey, j.status, j.attempts])).toEqual([
      [dailyJobKey(org.id, AS_OF), "done", 1],
      [dailyJobKey(org.id, "2026-03-03"), "pending", 0],
    ]);
    expect(await actionStatuses(org)).toEqual([{ status: "sent", channel: "email" }]);
  });

  it("retries a failing job later and keeps the error", async () => {
    const org = await buildOrg(deps);
    await enqueueJob(db.sql, { orgId: org.id, kind: "dunning.unknown", runAt: MONDAY_10H_PARIS, dedupeKey: `dunning.unknown:${org.id}`, payload: {} });
    const report = await runDueJobs(deps, { now: MONDAY_10H_PARIS, workerId: "w1" });
    expect(report.failed).toBeGreaterThanOrEqual(1);
    const [job] = await listJobs(db.sql, "dunning.unknown", org.id);
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "unknown job kind dunning.unknown" });
    expect(job!.runAt.getTime()).toBe(MONDAY_10H_PARIS.getTime() + 60_000);
  });
});
