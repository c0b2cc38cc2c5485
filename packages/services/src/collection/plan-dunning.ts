import { randomUUID } from "node:crypto";
import {
  insertDunningActions, lockDunningPlanning, openMissingDunningCases, pruneEmptyDunningActions, recordStagedDunningLines,
  stageDueInvoiceSteps, withTenant, type DueInvoiceStepRow, type NewDunningAction, type StagedDueInvoiceStep,
} from "@relance/db";
import type { DunningChannel } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { ensureDefaultPolicies, ensureDefaultRateTables, loadRateTables } from "./dunning-policies.ts";
import { createPenaltyCalculator } from "./planning-penalties.ts";

export interface PlannedInvoice {
  invoiceId: string;
  number: string;
  openMinor: number;
  currency: "EUR" | "CHF";
  interestMinor: number;
  indemnityMinor: number;
}

export interface PlannedAction {
  actionId: string;
  debtorId: string;
  debtorName: string;
  caseId: string;
  stepIndex: number;
  level: number;
  channel: DunningChannel;
  plannedFor: string;
  invoices: PlannedInvoice[];
}

export interface DunningPlan {
  asOf: string;
  dryRun: boolean;
  casesOpened: number;
  actions: PlannedAction[];
  /** Invoices with a due step held back, by reason: on_hold, promise, disputed, already_sent. */
  skipped: Record<string, number>;
}

class DryRunRollback extends Error {
  constructor(readonly plan: DunningPlan) {
    super("dry run: rolled back");
  }
}

/** The step that leads a debtor's reminder: the highest level, then the latest step (as `consolidateByDebtor`). */
const leadOf = <T extends DueInvoiceStepRow>(items: T[]): T =>
  items.reduce((best, item) => (item.level > best.level || (item.level === best.level && item.stepIndex > best.stepIndex) ? item : best));

const byDebtor = (due: StagedDueInvoiceStep[]): Map<string, StagedDueInvoiceStep[]> => {
  const groups = new Map<string, StagedDueInvoiceStep[]>();
  for (const item of due) {
    const list = groups.get(item.debtorId);
    if (list === undefined) groups.set(item.debtorId, [item]);
    else list.push(item);
  }
  return groups;
};

/**
 * Plans the reminders due as of a date, for one tenant, in one transaction serialized per tenant: opens missing
 * cases, picks each invoice's step in SQL, and records one consolidated action per debtor at the highest level
 * among its invoices. Penalties are computed (as of `asOf`) only for the invoices of actions whose step states
 * them. A dry run computes the same plan and rolls it back.
 */
export const planDunning = async (deps: ServiceDeps, orgId: string, options: { asOf: string; dryRun?: boolean }): Promise<DunningPlan> => {
  await ensureDefaultPolicies(deps, orgId);
  await ensureDefaultRateTables(deps, orgId);
  const dryRun = options.dryRun ?? false;
  try {
    return await withTenant(deps.db.sql, orgId, async (tx) => {
      await lockDunningPlanning(tx, orgId);
      const casesOpened = await openMissingDunningCases(tx, orgId, options.asOf);
      const { due, skipped } = await stageDueInvoiceSteps(tx, options.asOf);
      let penaltiesOf: ReturnType<typeof createPenaltyCalculator> | null = null;
      const actions: PlannedAction[] = [];
      const newActions: NewDunningAction[] = [];
      const slots = due.reduce((max, item) => Math.max(max, item.slot), 0);
      let interestMinor: number[] = [];
      let indemnityMinor: number[] = [];
      for (const [debtorId, items] of byDebtor(due)) {
        const lead = leadOf(items);
        const actionId = randomUUID();
        items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
        const withPenalties = lead.addPenalties;
        if (withPenalties && penaltiesOf === null) {
          penaltiesOf = createPenaltyCalculator(await loadRateTables(tx), options.asOf);
          interestMinor = new Array<number>(slots).fill(0);
          indemnityMinor = new Array<number>(slots).fill(0);
        }
        const invoices = items.map((item): PlannedInvoice => {
          const penalties = withPenalties ? penaltiesOf!(item) : { interestMinor: 0, indemnityMinor: 0 };
          if (withPenalties) {
            interestMinor[item.slot - 1] = penalties.interestMinor;
            indemnityMinor[item.slot - 1] = penalties.indemnityMinor;
          }
          return { invoiceId: item.invoiceId, number: item.number, openMinor: item.openMinor, currency: item.currency, ...penalties };
        });
        newActions.push({
          id: actionId, orgId, caseId: lead.caseId, debtorId, policyVersionId: lead.policyVersionId, stepIndex: lead.stepIndex, level: lead.level,
          channel: lead.channel, plannedFor: options.asOf,
        });
        actions.push({
          actionId, debtorId, debtorName: lead.debtorName, caseId: lead.caseId, stepIndex: lead.stepIndex, level: lead.level, channel: lead.channel,
          plannedFor: options.asOf, invoices,
        });
      }
      await insertDunningActions(tx, newActions);
      const { inserted } = await recordStagedDunningLines(tx, orgId, {
        debtorIds: newActions.map((a) => a.debtorId), actionIds: newActions.map((a) => a.id), interestMinor, indemnityMinor,
      });
      const plan = { asOf: options.asOf, dryRun, casesOpened, actions: inserted === due.length ? actions : await keepRecorded(tx, actions), skipped };
      if (dryRun) throw new DryRunRollback(plan);
      return plan;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.plan;
    throw error;
  }
};

/** Another run recorded some of these (invoice, step) pairs first: keep only what this run recorded. */
const keepRecorded = async (tx: Parameters<typeof pruneEmptyDunningActions>[0], actions: PlannedAction[]): Promise<PlannedAction[]> => {
  const kept = await pruneEmptyDunningActions(tx, actions.map((a) => a.actionId));
  return actions
    .map((a) => ({ ...a, invoices: a.invoices.filter((i) => kept.has(`${a.actionId}:${i.invoiceId}`)) }))
    .filter((a) => a.invoices.length > 0);
};
