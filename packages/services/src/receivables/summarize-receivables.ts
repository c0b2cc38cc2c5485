import { summarizeReceivables, withTenant, type ReceivablesSummaryRow } from "@relance/db";
import type { Actor, ServiceDeps } from "../deps.ts";
import { calendarDate } from "../deps.ts";

/** Open and overdue receivables per currency, as of today. */
export const getReceivablesSummary = (deps: ServiceDeps, actor: Actor): Promise<ReceivablesSummaryRow[]> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => summarizeReceivables(tx, calendarDate(deps.clock.now())));
