import { insertCases, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../testing/smtp-capture.ts";
import type { DomainEvent, ServiceDeps } from "../deps.ts";
import { sendAlertDigests } from "../collection/alerts/alert-digest.ts";
import { listMyAlerts, markMyAlertsRead } from "../collection/alerts/member-alerts.ts";
import { raiseAlerts } from "../collection/alerts/raise-alerts.ts";
import { listLegalProceedings, markProceedingServed, recordLegalProceeding } from "../cases/legal-proceedings.ts";
import { addAction, caught, fieldPaths, invoiceIdsOfDebtor } from "./cases-fixtures.ts";
import { addDebtor, addInvoices, addPayment, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";

const AS_OF = "2026-03-02";

let db: Database;
let deps: ServiceDeps;
const events: DomainEvent[] = [];
let smtp: SmtpCapture;
let smtpUrl: string;
let received: CapturedMail[];

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, new Date("2026-03-02T06:00:00Z")));
  deps.events = { emit: (event) => events.push(event) };
  smtp = await startSmtpCapture();
  ({ url: smtpUrl, received } = smtp);
});
afterAll(async () => {
  await smtp.close();
  await db.close();
});

const openCase = (org: OrganizationRow, debtorId: string, assigneeId: string | null) =>
  withTenant(db.sql, org.id, async (tx) => (await insertCases(tx, [{ orgId: org.id, debtorId, stage: "reminder_1", assigneeId }]))[0]!);

/** A French tenant with one of each alert condition as of 2026-03-02. */
const tenantWithEveryCondition = async () => {
  const org = await buildOrg(deps, { name: "Acme" });
  const admin = await buildMember(deps, org, "admin");
  const collector = await buildMember(deps, org, "credit_manager");
  await buildMember(deps, org, "sales"); // never a recipient of unassigned alerts

  const late = await addDebtor(deps, org, { name: "Retard SARL" });
  await addInvoices(deps, org, late, [{ number: "L-1", dueDate: "2026-02-27", amountMinor: 50_000 }, { number: "OLD-1", dueDate: "2026-01-10", amountMinor: 10_000 }]);

  const promising = await addDebtor(deps, org, { name: "Promesse SA" });
  await addInvoices(deps, org, promising, [{ number: "P-1", dueDate: "2026-01-15", amountMinor: 80_000 }]);
  const promiseCase = await openCase(org, promising, collector.userId);
  await withTenant(db.sql, org.id, (tx) => tx`
    insert into promises (org_id, case_id, debtor_id, amount_minor, currency, promised_for, channel) values
      (${org.id}, ${promiseCase}, ${promising}, 40000, 'EUR', ${AS_OF}, 'phone')`);

  await addAction(deps, org, { caseId: promiseCase, debtorId: promising, invoiceIds: await invoiceIdsOfDebtor(deps, org, promising), plannedFor: AS_OF, channel: "call" });

  const consumer = await addDebtor(deps, org, { name: "Jean Dupont", segment: "b2c" });
  await addInvoices(deps, org, consumer, [{ number: "C-2024", dueDate: "2024-04-01", amountMinor: 30_000 }]);
  const paying = await addDebtor(deps, org, { name: "Marie Payeuse", segment: "b2c" });
  const payingIds = await addInvoices(deps, org, paying, [{ number: "C-PAID", dueDate: "2024-04-01", amountMinor: 30_000, openMinor: 20_000 }]);
  await addPayment(deps, org, { bookingDate: "2025-01-10", amountMinor: 10_000, allocations: [{ invoiceId: payingIds["C-PAID"]!, amountMinor: 10_000 }] });

  const court = await addDebtor(deps, org, { name: "Tribunal SAS" });
  await addInvoices(deps, org, court, [{ number: "T-1", dueDate: "2025-06-01", amountMinor: 300_000 }]);
  const courtCase = await openCase(org, court, null);
  await withTenant(db.sql, org.id, (tx) => tx`
    insert into legal_proceedings (org_id, case_id, kind, issued_on) values (${org.id}, ${courtCase}, 'fr_injonction', '2025-09-15')`);
  return { org, admin, collector };
};

const kindsOf = (alerts: { kind: string }[]) => alerts.map((a) => a.kind).sort();

describe("raiseAlerts", () => {
  it("raises each condition once, to the assignee or else the collectors, and pushes them to each member", async () => {
    const { org, admin, collector } = await tenantWithEveryCondition();
    events.length = 0;
    const first = await raiseAlerts(deps, org.id, { asOf: AS_OF });
    expect(first.raised).toBeGreaterThan(0);
    const adminAlerts = (await listMyAlerts(deps, admin)).alerts;
    expect(kindsOf(adminAlerts)).toEqual(["due_date_passed", "injonction_unserved", "prescription_approaching"]);
    expect(adminAlerts.find((a) => a.kind === "prescription_approaching")).toMatchObject({ debtorName: "Jean Dupont", dueOn: "2026-04-01", payload: { invoice: "C-2024", years: 2 } });
    expect(adminAlerts.find((a) => a.kind === "injonction_unserved")).toMatchObject({ debtorName: "Tribunal SAS", dueOn: "2026-03-15" });
    expect(adminAlerts.find((a) => a.kind === "due_date_passed")).toMatchObject({ debtorName: "Retard SARL", payload: { invoices: ["L-1"] } });
    const collectorAlerts = (await listMyAlerts(deps, collector)).alerts;
    expect(kindsOf(collectorAlerts)).toEqual(["action_due", "due_date_passed", "injonction_unserved", "prescription_approaching", "promise_due"]);
    expect(collectorAlerts.find((a) => a.kind === "action_due")).toMatchObject({ debtorName: "Promesse SA", payload: { channel: "call" } });

    const pushed = events.filter((e) => e.type === "alerts.raised");
    expect(pushed.map((e) => e.type === "alerts.raised" && e.userId).sort()).toEqual([admin.userId, collector.userId].sort());
    expect(pushed.flatMap((e) => (e.type === "alerts.raised" ? e.alerts : [])).length).toBe(first.raised);

    events.length = 0;
    expect(await raiseAlerts(deps, org.id, { asOf: AS_OF })).toEqual({ raised: 0 });
    expect(events).toEqual([]);
  });

  it("alerts a Swiss payment order while the continuation may be requested", async () => {
    const org = await buildOrg(deps, { country: "CH" });
    const collector = await buildMember(deps, org, "credit_manager");
    const debtor = await addDebtor(deps, org, { name: "Berg AG", jurisdiction: "CH" });
    await addInvoices(deps, org, debtor, [{ number: "CH-1", dueDate: "2025-10-01", amountMinor: 90_000, currency: "CHF" }]);
    const caseId = await openCase(org, debtor, collector.userId);
    await withTenant(db.sql, org.id, (tx) => tx`
      insert into legal_proceedings (org_id, case_id, kind, issued_on, served_on, reference) values (${org.id}, ${caseId}, 'ch_payment_order', '2026-01-15', '2026-01-20', 'ZB 123')`);
    await raiseAlerts(deps, org.id, { asOf: AS_OF });
    const alerts = (await listMyAlerts(deps, collector)).alerts.filter((a) => a.kind === "schkg_continuation");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ dueOn: "2027-01-20", payload: { opensOn: "2026-02-10", reference: "ZB 123" } });
  });
});

describe("alerts of a member", () => {
  it("are read by their member only; another tenant sees none", async () => {
    const { org, admin, collector } = await tenantWithEveryCondition();
    await raiseAlerts(deps, org.id, { asOf: AS_OF });
    const mine = await listMyAlerts(deps, admin);
    expect(mine.unread).toBe(3);
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect(await markMyAlertsRead(deps, stranger, { ids: [mine.alerts[0]!.id] })).toEqual({ marked: 0 });
    expect(await markMyAlertsRead(deps, collector, { ids: [mine.alerts[0]!.id] })).toEqual({ marked: 0 });
    expect(await markMyAlertsRead(deps, admin, { ids: [mine.alerts[0]!.id] })).toEqual({ marked: 1 });
    expect((await listMyAlerts(deps, admin, { unreadOnly: true })).alerts).toHaveLength(2);
    expect(await markMyAlertsRead(deps, admin, { ids: null })).toEqual({ marked: 2 });
    expect((await listMyAlerts(deps, stranger)).alerts).toEqual([]);
  });
});

describe("sendAlertDigests", () => {
  it("mails each member one digest of his new alerts through a real SMTP server, once", async () => {
    const { org, admin, collector } = await tenantWithEveryCondition();
    await raiseAlerts(deps, org.id, { asOf: AS_OF });
    const before = received.length;
    expect(await sendAlertDigests(deps, org.id, { smtpUrl })).toEqual({ emailed: 2, alerts: 8 });
    const mails = received.slice(before);
    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual([admin.email, collector.email].sort());
    const toCollector = await simpleParser(mails.find((m) => m.rcptTo[0] === collector.email)!.raw);
    expect(toCollector.subject).toBe("Acme : 5 alertes de recouvrement");
    expect(toCollector.text).toContain("Action à faire — Promesse SA");
    expect(toCollector.text).toContain("Promesse de paiement à échéance — Promesse SA");
    expect(toCollector.text).toContain("Prescription proche — Jean Dupont");
    expect(toCollector.text).toContain("Injonction de payer à signifier — Tribunal SAS");
    expect(await sendAlertDigests(deps, org.id, { smtpUrl })).toEqual({ emailed: 0, alerts: 0 });
    expect(received.length).toBe(before + 2);
  });
});

describe("legal proceedings", () => {
  it("are recorded on a case by a ledger writer, checked, and served later; others are refused", async () => {
    const org = await buildOrg(deps);
    const collector = await buildMember(deps, org, "credit_manager");
    const debtor = await addDebtor(deps, org, { name: "Procès SAS" });
    const caseId = await openCase(org, debtor, collector.userId);
    const bad = await caught(recordLegalProceeding(deps, collector, { caseId, kind: "fr_injonction", issuedOn: "2026-02-01", servedOn: "2026-01-01" }));
    expect(fieldPaths(bad)).toEqual(["servedOn"]);
    const [recorded] = await recordLegalProceeding(deps, collector, { caseId, kind: "fr_injonction", issuedOn: "2026-02-01", reference: "IP 26/001" });
    expect(recorded).toMatchObject({ kind: "fr_injonction", issuedOn: "2026-02-01", servedOn: null, reference: "IP 26/001" });
    const [served] = await markProceedingServed(deps, collector, { caseId, proceedingId: recorded!.id, servedOn: "2026-02-20" });
    expect(served!.servedOn).toBe("2026-02-20");
    const sales = await buildMember(deps, org, "sales");
    expect((await caught(recordLegalProceeding(deps, sales, { caseId, kind: "fr_injonction", issuedOn: "2026-02-01" }))).code).toBe("FORBIDDEN");
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect((await caught(listLegalProceedings(deps, stranger, { caseId }))).code).toBe("NOT_FOUND");
    expect((await caught(markProceedingServed(deps, stranger, { caseId, proceedingId: recorded!.id, servedOn: "2026-02-21" }))).code).toBe("NOT_FOUND");
    expect(await listLegalProceedings(deps, collector, { caseId })).toHaveLength(1);
  });
});
