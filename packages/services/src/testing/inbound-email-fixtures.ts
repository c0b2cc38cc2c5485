import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { withTenant, type OrganizationRow } from "@relance/db";
import { addDays } from "@relance/domain";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { sendActionNow } from "../collection/send-action-now.ts";
import { addDebtor, addInvoices } from "./ledger-fixtures.ts";
import { buildMember, type TestMember } from "./index.ts";

/**
 * Real-shaped inbound messages: a Postfix bounce (RFC 3464, 5.1.1 user unknown) and delay warning, a Gmail reply in
 * French with quoted history, an Exchange out-of-office. `{{MESSAGE_ID}}` is the id of the message of ours they answer.
 */
export type InboundEmailFixture = "postfix-bounce" | "postfix-delay" | "gmail-reply" | "outlook-out-of-office";

export const inboundEmailFixture = (name: InboundEmailFixture, ids: { messageId: string; inboundId?: string }): Buffer => {
  const template = readFileSync(new URL(`./inbound-email/${name}.eml`, import.meta.url), "utf8");
  return Buffer.from(template.replaceAll("{{MESSAGE_ID}}", ids.messageId).replaceAll("{{INBOUND_ID}}", ids.inboundId ?? `${randomUUID()}@mx.test`));
};

export interface SentReminder {
  caseId: string;
  debtorId: string;
  outboxMessageId: string;
  /** Our Message-ID, with its angle brackets, as a reply's In-Reply-To quotes it. */
  messageId: string;
  manager: TestMember;
}

/** A debtor (compta@negoce.example) with an overdue invoice, reminded by e-mail by a credit manager just now. */
export const buildSentReminder = async (deps: ServiceDeps, org: OrganizationRow, debtorName = "Négoce SARL"): Promise<SentReminder> => {
  const debtorId = await addDebtor(deps, org, { name: debtorName });
  await withTenant(deps.db.sql, org.id, (tx) => tx`update debtors set email = 'compta@negoce.example' where id = ${debtorId}`);
  const asOf = calendarDate(deps.clock.now());
  const due = addDays(asOf, -10);
  await addInvoices(deps, org, debtorId, [{ number: `F-${randomUUID().slice(0, 6)}`, dueDate: due, amountMinor: 125_000 }]);
  const plan = await planDunning(deps, org.id, { asOf });
  const action = plan.actions.find((a) => a.channel === "email");
  if (action === undefined) throw new Error(`no e-mail reminder planned for ${debtorName}`);
  const manager = await buildMember(deps, org, "credit_manager");
  const sent = await sendActionNow(deps, manager, { actionId: action.actionId });
  const [row] = await withTenant(deps.db.sql, org.id, (tx) => tx<{ messageId: string }[]>`
    select message_id as "messageId" from outbox_messages where id = ${sent.outboxId}`);
  return { caseId: action.caseId, debtorId, outboxMessageId: sent.outboxId, messageId: row!.messageId, manager };
};
