import { randomUUID } from "node:crypto";
import { withTenant } from "@relance/db";
import { mentionToken, type Role } from "@relance/domain";
import { markAllMyNotificationsRead } from "../chat/mention-notifications.ts";
import { sendChatMessage } from "../chat/send-chat-message.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { changeDisputeStatus } from "../disputes/change-dispute-status.ts";
import { listReasons } from "../disputes/dispute-reasons.ts";
import { openDispute } from "../disputes/open-dispute.ts";

/** A dispute the demo opens on a case, the people in it and what they said: the dispute room as a team uses it. */
interface DemoDispute {
  reason: string;
  /** Who opens it and who is brought in, by role (the last member listed with it). */
  openedBy: Role;
  participants: Role[];
  note: string;
  status: "investigating" | "waiting_sales" | "waiting_billing" | "waiting_customer";
  statusNote: string;
  /** [role, text]; `@sales` / `@billing` mention that member. */
  messages: [Role, string][];
}

const DEMO_DISPUTES: Record<string, DemoDispute[]> = {
  durand: [
    {
      reason: "delivery",
      openedBy: "credit_manager",
      participants: ["sales"],
      note: "Le client affirme que la livraison était incomplète (2 palettes sur 3).",
      status: "waiting_sales",
      statusNote: "Le bon de livraison signé est chez le commercial",
      messages: [
        ["credit_manager", "Bonjour @sales, le client dit n'avoir reçu que 2 palettes sur 3. Tu as le bon de livraison signé ?"],
        ["sales", "Je vérifie avec le dépôt de Lyon et je reviens vers toi demain matin."],
      ],
    },
    {
      reason: "price",
      openedBy: "credit_manager",
      participants: ["billing"],
      note: "Prix unitaire facturé 14,20 € au lieu de 12,90 € (remise annuelle non appliquée).",
      status: "waiting_billing",
      statusNote: "Vérifier la remise annuelle dans le contrat cadre",
      messages: [
        ["credit_manager", "@billing la remise de 9 % du contrat cadre 2026 n'apparaît pas sur la facture. Un avoir est-il possible ?"],
        ["billing", "Oui, la remise aurait dû s'appliquer. Je prépare l'avoir cette semaine."],
      ],
    },
  ],
  alpenbau: [
    {
      reason: "missing_po",
      openedBy: "credit_manager",
      participants: ["sales"],
      note: "Le client exige son numéro de commande sur la facture.",
      status: "waiting_customer",
      statusNote: "Numéro de commande demandé au client",
      messages: [["credit_manager", "@sales peux-tu demander au service achats du client le numéro de commande ?"]],
    },
  ],
};

/**
 * Brings the demo's dispute room to life through the same services the app uses: disputes on a few of the last
 * cases (the ones the debtors list shows last), waiting on a department, with a short chat in which a colleague was
 * @mentioned and answered (so the mention is read). Runs once, right after the organization was seeded.
 */
export const seedDemoActivity = async (deps: ServiceDeps, orgSlug: string, orgId: string, members: { userId: string; role: Role }[]): Promise<number> => {
  const plan = DEMO_DISPUTES[orgSlug] ?? [];
  const actorOf = (role: Role): Actor => {
    const member = members.findLast((m) => m.role === role);
    if (!member) throw new Error(`The demo organization ${orgSlug} has no ${role}`);
    return { userId: member.userId, orgId, role };
  };
  // the cases listed last, each with its oldest overdue invoice
  const cases = await withTenant(deps.db.sql, orgId, (tx) =>
    tx<{ caseId: string; invoiceId: string }[]>`
      select c.id as "caseId", (select i.id from invoices i where i.debtor_id = c.debtor_id and i.kind = 'invoice' and i.open_minor > 0
                                order by i.due_date, i.id limit 1) as "invoiceId"
      from cases c join debtors d on d.id = c.debtor_id
      order by d.name desc, c.id limit ${plan.length}`);
  const reasons = plan.length > 0 ? await listReasons(deps, actorOf(plan[0]!.openedBy)) : [];
  for (const [index, dispute] of plan.entries()) {
    const target = cases[index];
    const reason = reasons.find((r) => r.code === dispute.reason);
    if (!target?.invoiceId || !reason) continue;
    const opener = actorOf(dispute.openedBy);
    const { disputeId } = await openDispute(deps, opener, {
      caseId: target.caseId,
      invoiceIds: [target.invoiceId],
      reasonId: reason.id,
      participantIds: dispute.participants.map((role) => actorOf(role).userId),
      note: dispute.note,
    });
    await changeDisputeStatus(deps, opener, { disputeId, status: dispute.status, note: dispute.statusNote });
    for (const [role, text] of dispute.messages) {
      const body = text.replace(/@(sales|billing)/g, (_, r: Role) => mentionToken(actorOf(r).userId));
      await sendChatMessage(deps, actorOf(role), { caseId: target.caseId, clientId: randomUUID(), body });
    }
    // whoever answered has read what mentioned him
    for (const [role] of dispute.messages.slice(1)) await markAllMyNotificationsRead(deps, actorOf(role));
  }
  return Math.min(plan.length, cases.length);
};
