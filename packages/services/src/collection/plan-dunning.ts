import { randomUUID } from "node:crypto";
import {
  clearUnplannedNextActions, insertDunningActions, lockDunningPlanning, openMissingDunningCases, pruneEmptyDunningActions, recordStagedDunningLines, stageDueDebtors,
  withTenant, type DueDebtor, type DunningPartition, type NewDunningAction,
} from "@relance/db";
import type { DunningChannel } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { ensureDefaultPolicies, ensureDefaultRateTables, loadRateTables } from "./dunning-policies.ts";
import { createPenaltyCalculator, type PenaltyCalculator } from "./planning-penalties.ts";

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

const NO_PENALTIES = { interestMinor: 0, indemnityMinor: 0 } as const;

/**
 * One action per due debtor at its lead step, listing all its due invoices; penalties for the invoices of actions
 * whose step states them, also laid out by staging slot (index = slot − 1) for recording.
 */
const consolidate = (orgId: string, asOf: string, debtors: DueDebtor[], penaltiesOf: PenaltyCalculator | null) => {
  const actions: PlannedAction[] = [];
  const newActions: NewDunningAction[] = [];
  const slots = debtors.reduce((max, d) => d.invoices.reduce((m, i) => Math.max(m, i.slot), max), 0);
  const interestMinor = penaltiesOf ? new Array<number>(slots).fill(0) : [];
  const indemnityMinor = penaltiesOf ? new Array<number>(slots).fill(0) : [];
  for (const debtor of debtors) {
    const actionId = randomUUID();
    const invoices = debtor.invoices.map((item): PlannedInvoice => {
      let penalties: { interestMinor: number; indemnityMinor: number } = NO_PENALTIES;
      if (debtor.addPenalties && penaltiesOf) {
        penalties = penaltiesOf({ jurisdiction: debtor.jurisdiction, segment: debtor.segment, currency: item.currency, dueDate: item.dueDate, openMinor: item.openMinor });
        interestMinor[item.slot - 1] = penalties.interestMinor;
        indemnityMinor[item.slot - 1] = penalties.indemnityMinor;
      }
      return {
        invoiceId: item.invoiceId, number: item.number, openMinor: item.openMinor, currency: item.currency,
        interestMinor: penalties.interestMinor, indemnityMinor: penalties.indemnityMinor,
      };
    });
    const step = { stepIndex: debtor.stepIndex, level: debtor.level, channel: debtor.channel, plannedFor: asOf };
    newActions.push({ id: actionId, orgId, caseId: debtor.caseId, debtorId: debtor.debtorId, policyVersionId: debtor.policyVersionId, ...step });
    actions.push({ actionId, debtorId: debtor.debtorId, debtorName: debtor.debtorName, caseId: debtor.caseId, ...step, invoices });
  }
  return { actions, newActions, interestMinor, indemnityMinor };
};

/**
 * How many transactions share a run on PostgreSQL, each on its own connection over its share of the debtors: the
 * planning statements read and write the whole book and a database backend works on one core, so the parts of a
 * large tenant advance side by side. PGlite serves one session: there the book is planned whole.
 */
export const PLAN_PARTITIONS = 2;

/**
 * Plans the reminders due as of a date, for one tenant: opens missing cases, picks each invoice's step and each
 * debtor's lead step in SQL, and records one consolidated action per debtor at the highest level among its
 * invoices. Penalties are computed (as of `asOf`) only for the invoices of actions whose step states them. The
 * debtors are planned in partitions, each in one transaction serialized with any other run over the same debtors
 * (the primary key of the recorded (invoice, step) pairs stays the exactly-once backstop whatever runs at once). A
 * dry run computes the same plan and rolls it back.
 */
export const planDunning = async (deps: ServiceDeps, orgId: string, options: { asOf: string; dryRun?: boolean }): Promise<DunningPlan> => {
  await ensureDefaultPolicies(deps, orgId);
  await ensureDefaultRateTables(deps, orgId);
  const count = deps.db.mode === "postgres" ? PLAN_PARTITIONS : 1;
  const parts = await Promise.all(Array.from({ length: count }, (_, index) => planPartition(deps, orgId, options, { index, count })));
  const skipped: Record<string, number> = {};
  for (const part of parts) for (const [reason, n] of Object.entries(part.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
  return {
    asOf: options.asOf,
    dryRun: options.dryRun ?? false,
    casesOpened: parts.reduce((n, p) => n + p.casesOpened, 0),
    actions: parts.flatMap((p) => p.actions),
    skipped,
  };
};

const planPartition = async (deps: ServiceDeps, orgId: string, options: { asOf: string; dryRun?: boolean }, partition: DunningPartition): Promise<DunningPlan> => {
  const dryRun = options.dryRun ?? false;
  try {
    return await withTenant(deps.db.sql, orgId, async (tx) => {
      await lockDunningPlanning(tx, orgId, partition);
      const opened = await openMissingDunningCases(tx, orgId, options.asOf, partition);
      const { debtors, skipped } = await stageDueDebtors(tx, options.asOf, partition);
      const penaltiesOf = debtors.some((d) => d.addPenalties) ? createPenaltyCalculator(await loadRateTables(tx), options.asOf) : null;
      const { actions, newActions, interestMinor, indemnityMinor } = consolidate(orgId, options.asOf, debtors, penaltiesOf);
      await insertDunningActions(tx, newActions);
      const { inserted } = await recordStagedDunningLines(tx, orgId, {
        debtorIds: newActions.map((a) => a.debtorId), actionIds: newActions.map((a) => a.id), interestMinor, indemnityMinor,
      });
      await clearUnplannedNextActions(tx, opened, options.asOf);
      const planned = inserted === actions.reduce((n, a) => n + a.invoices.length, 0) ? actions : await keepRecorded(tx, actions);
      const plan = { asOf: options.asOf, dryRun, casesOpened: opened.length, actions: planned, skipped };
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
