import { findOrganizationTimeZone } from "@relance/db";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { requireCaseWriter } from "../cases/case-writers.ts";
import { planDunning } from "./plan-dunning.ts";
import { raiseAlerts } from "./alerts/raise-alerts.ts";

export interface PlanTodayResult {
  asOf: string;
  casesOpened: number;
  actionsPlanned: number;
  alertsRaised: number;
}

/**
 * Runs today's planning now instead of waiting for the daily run (after an import, say). Planning is exactly once
 * per invoice and step, so running it again, or the daily run after it, plans nothing twice. Nothing is sent. The
 * day's alerts are raised too (once each, whoever runs first).
 */
export const planToday = async (deps: ServiceDeps, actor: Actor): Promise<PlanTodayResult> => {
  requireCaseWriter(actor);
  const timeZone = (await findOrganizationTimeZone(deps.db.sql, actor.orgId)) ?? "Europe/Paris";
  const asOf = calendarDate(deps.clock.now(), timeZone);
  const plan = await planDunning(deps, actor.orgId, { asOf });
  const { raised } = await raiseAlerts(deps, actor.orgId, { asOf });
  return { asOf, casesOpened: plan.casesOpened, actionsPlanned: plan.actions.length, alertsRaised: raised };
};
