import { withTenant, type Database, type OrganizationRow } from "@relance/db";
import { DEFAULT_POLICIES } from "@relance/domain";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../testing/smtp-capture.ts";
import type { ServiceDeps } from "../deps.ts";
import { savePolicyVersion } from "../collection/dunning-policies.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { sendDueActions } from "../collection/send-due-actions.ts";
import { sendThankYouMessages } from "../collection/send-thank-you.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";

const AS_OF = "2026-03-02";
const MONDAY_10H_PARIS = new Date("2026-03-02T09:00:00Z");

let db: Database;
let deps: ServiceDeps;
let smtp: SmtpCapture;
let smtpUrl: string;
let received: CapturedMail[];

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, MONDAY_10H_PARIS));
  smtp = await startSmtpCapture();
  ({ url: smtpUrl, received } = smtp);
});
afterAll(async () => {
  await smtp.close();
  await db.close();
});

const debtorOwing = async (org: OrganizationRow, name: string, email: string, segment: "b2b" | "b2c" = "b2b") => {
  const debtorId = await addDebtor(deps, org, { name, segment });
  await withTenant(db.sql, org.id, (tx) => tx`update debtors set email = ${email} where id = ${debtorId}`);
  await addInvoices(deps, org, debtorId, [{ number: `${name}-1`, dueDate: "2026-02-20", amountMinor: 60_000 }]);
  return debtorId;
};

const payEverything = (org: OrganizationRow, debtorId: string) =>
  withTenant(db.sql, org.id, (tx) => tx`update invoices set open_minor = 0 where debtor_id = ${debtorId}`);

describe("sendThankYouMessages", () => {
  it("thanks a chased debtor who paid in full once, by e-mail, when the case's policy version asks for it", async () => {
    const org = await buildOrg(deps, { name: "Acme" });
    const admin = await buildMember(deps, org, "admin");
    const b2b = DEFAULT_POLICIES.find((p) => p.segment === "b2b_fr")!;
    await savePolicyVersion(deps, admin, "b2b_fr", b2b.steps, b2b.name, true);
    const thanked = await debtorOwing(org, "Payeur", "compta@payeur.example");
    await debtorOwing(org, "Debiteur", "compta@debiteur.example"); // still owes: not thanked
    const consumer = await debtorOwing(org, "Conso", "jean@conso.example", "b2c"); // b2c policy: no thank-you
    await planDunning(deps, org.id, { asOf: AS_OF });
    expect((await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl })).sent).toBe(3);
    await payEverything(org, thanked);
    await payEverything(org, consumer);
    await addDebtor(deps, org, { name: "Jamais relancé" }); // owes nothing, never chased: not thanked

    const before = received.length;
    const [a, b] = await Promise.all([
      sendThankYouMessages(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl }),
      sendThankYouMessages(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    const mails = received.slice(before);
    expect(mails.map((m) => m.rcptTo[0])).toEqual(["compta@payeur.example"]);
    const parsed = await simpleParser(mails[0]!.raw);
    expect(parsed.subject).toBe("Merci pour votre règlement — Acme");
    expect(parsed.text).toContain("Votre compte est à jour");
    const [event] = await withTenant(db.sql, org.id, (tx) => tx<{ payload: { thankYou: boolean } }[]>`
      select payload from timeline_events where debtor_id = ${thanked} and payload ? 'thankYou'`);
    expect(event!.payload.thankYou).toBe(true);
    expect((await sendThankYouMessages(deps, org.id, { now: MONDAY_10H_PARIS, smtpUrl })).sent).toBe(0);
  });

  it("waits for the send window", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const b2b = DEFAULT_POLICIES.find((p) => p.segment === "b2b_fr")!;
    await savePolicyVersion(deps, admin, "b2b_fr", b2b.steps, b2b.name, true);
    const debtorId = await debtorOwing(org, "Nuit", "compta@nuit.example");
    await planDunning(deps, org.id, { asOf: AS_OF });
    await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS });
    await payEverything(org, debtorId);
    expect(await sendThankYouMessages(deps, org.id, { now: new Date("2026-03-02T21:30:00Z") })).toEqual({ sent: 0, noAddress: 0, deferred: true });
    expect(await sendThankYouMessages(deps, org.id, { now: MONDAY_10H_PARIS })).toEqual({ sent: 1, noAddress: 0, deferred: false });
    const [outbox] = await withTenant(db.sql, org.id, (tx) => tx<{ status: string }[]>`select status from outbox_messages where action_id is null`);
    expect(outbox!.status).toBe("recorded");
  });
});
