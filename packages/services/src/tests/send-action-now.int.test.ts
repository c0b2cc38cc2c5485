import { withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { getGeneratedDocument, getOutboxMessage, listOutbox } from "../collection/outbox.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { previewActionLetter, sendActionNow } from "../collection/send-action-now.ts";
import { planToday } from "../collection/plan-today.ts";
import { sendDueActions } from "../collection/send-due-actions.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught } from "./cases-fixtures.ts";
import { readPdfText } from "./read-pdf-text.ts";

const AS_OF = "2026-03-02";
const MONDAY_10H_PARIS = new Date("2026-03-02T09:00:00Z");

let db: Database;
let deps: ServiceDeps;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, MONDAY_10H_PARIS));
});
afterAll(async () => {
  await db.close();
});

/** A tenant with one debtor and one planned action: an e-mail (due 10 days ago) or a letter (25 days ago). */
const plannedAction = async (channel: "email" | "letter", name = "Négoce SARL") => {
  const org = await buildOrg(deps, { name: "Acme" });
  const debtorId = await addDebtor(deps, org, { name });
  await withTenant(db.sql, org.id, (tx) => tx`update debtors set email = 'compta@negoce.example', address_line1 = '4 place Bellecour', postal_code = '69002', city = 'Lyon' where id = ${debtorId}`);
  await addInvoices(deps, org, debtorId, [{ number: "F-100", dueDate: channel === "email" ? "2026-02-20" : "2026-02-05", amountMinor: 125_000 }]);
  const plan = await planDunning(deps, org.id, { asOf: AS_OF });
  expect(plan.actions.map((a) => a.channel)).toEqual([channel]);
  return { org, actionId: plan.actions[0]!.actionId, caseId: plan.actions[0]!.caseId };
};

const footprint = (org: OrganizationRow) =>
  withTenant(db.sql, org.id, async (tx) => {
    const [row] = await tx<{ outbox: number; events: number; documents: number; statuses: string[] }[]>`
      select (select count(*)::int from outbox_messages) as outbox, (select count(*)::int from timeline_events) as events,
             (select count(*)::int from generated_documents) as documents,
             (select coalesce(array_agg(status order by id), '{}') from dunning_actions) as statuses`;
    return row!;
  });

describe("sendActionNow", () => {
  it("sends a due e-mail once, records it on the timeline under the member's name, and the engine does not send it again", async () => {
    const { org, actionId, caseId } = await plannedAction("email");
    const manager = await buildMember(deps, org, "credit_manager");
    const result = await sendActionNow(deps, manager, { actionId });
    expect(result).toMatchObject({ status: "sent", error: null });
    const [event] = await withTenant(db.sql, org.id, (tx) => tx<{ kind: string; actorId: string; caseId: string }[]>`
      select kind, actor_id as "actorId", case_id as "caseId" from timeline_events`);
    expect(event).toEqual({ kind: "reminder", actorId: manager.userId, caseId });
    expect((await caught(sendActionNow(deps, manager, { actionId }))).code).toBe("PRECONDITION_FAILED");
    expect((await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })).sent).toBe(0);
    expect(await footprint(org)).toEqual({ outbox: 1, events: 1, documents: 0, statuses: ["sent"] });
  });

  it("sends an action exactly once when a member and the engine send at the same moment", async () => {
    const { org, actionId } = await plannedAction("email");
    const manager = await buildMember(deps, org, "credit_manager");
    const [now, engine] = await Promise.allSettled([sendActionNow(deps, manager, { actionId }), sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })]);
    const sentByMember = now.status === "fulfilled" ? 1 : 0;
    const sentByEngine = engine.status === "fulfilled" ? engine.value.sent : 0;
    expect(sentByMember + sentByEngine).toBe(1);
    expect((await footprint(org)).outbox).toBe(1);
  });

  it("refuses another tenant's action as not found, and a manager (read-only) as forbidden, changing nothing", async () => {
    const { org, actionId } = await plannedAction("email");
    const other = await buildOrg(deps);
    const stranger = await buildMember(deps, other, "admin");
    expect((await caught(sendActionNow(deps, stranger, { actionId }))).code).toBe("NOT_FOUND");
    const reader = await buildMember(deps, org, "manager");
    expect((await caught(sendActionNow(deps, reader, { actionId }))).code).toBe("FORBIDDEN");
    expect((await caught(sendActionNow(deps, stranger, { actionId: "nope" }))).code).toBe("BAD_REQUEST");
    expect(await footprint(org)).toEqual({ outbox: 0, events: 0, documents: 0, statuses: ["planned"] });
  });
});

describe("previewActionLetter", () => {
  it("renders the letter the debtor would get and records nothing", async () => {
    const { org, actionId } = await plannedAction("letter", "Société Générale de Négoce SARL");
    const reader = await buildMember(deps, org, "manager");
    const { pdf, fileName } = await previewActionLetter(deps, reader, { actionId });
    expect(fileName).toMatch(/^preview-2026-03-02-.*\.pdf$/);
    const text = await readPdfText(pdf);
    expect(text).toContain("Société Générale de Négoce SARL");
    expect(text).toContain("F-100");
    expect(await footprint(org)).toEqual({ outbox: 0, events: 0, documents: 0, statuses: ["planned"] });
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect((await caught(previewActionLetter(deps, stranger, { actionId }))).code).toBe("NOT_FOUND");
  });
});

describe("outbox", () => {
  it("lists what was recorded, newest first, with the body and the sent letter's PDF", async () => {
    const { org, actionId } = await plannedAction("letter");
    const manager = await buildMember(deps, org, "credit_manager");
    await sendActionNow(deps, manager, { actionId });
    const page = await listOutbox(deps, manager, {});
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(row).toMatchObject({ channel: "letter", status: "recorded", debtorName: "Négoce SARL", actionId });
    const message = await getOutboxMessage(deps, manager, { id: row.id });
    expect(message.body).toContain("F-100");
    const doc = await getGeneratedDocument(deps, manager, { documentId: row.documentId });
    expect(doc.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await listOutbox(deps, manager, { channel: "email" })).rows).toEqual([]);
    const sales = await buildMember(deps, org, "sales");
    expect((await caught(listOutbox(deps, sales, {}))).code).toBe("FORBIDDEN");
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect((await caught(getOutboxMessage(deps, stranger, { id: row.id }))).code).toBe("NOT_FOUND");
    expect((await listOutbox(deps, stranger, {})).rows).toEqual([]);
  });
});

describe("planToday", () => {
  it("plans today's due steps once, for a ledger writer only", async () => {
    const org = await buildOrg(deps);
    const debtorId = await addDebtor(deps, org, { name: "Plan SARL" });
    await addInvoices(deps, org, debtorId, [{ number: "P-1", dueDate: "2026-02-20", amountMinor: 50_000 }]);
    const sales = await buildMember(deps, org, "sales");
    expect((await caught(planToday(deps, sales))).code).toBe("FORBIDDEN");
    const manager = await buildMember(deps, org, "credit_manager");
    expect(await planToday(deps, manager)).toEqual({ asOf: AS_OF, casesOpened: 1, actionsPlanned: 1, alertsRaised: 0 });
    expect(await planToday(deps, manager)).toEqual({ asOf: AS_OF, casesOpened: 0, actionsPlanned: 0, alertsRaised: 0 });
  });
});
