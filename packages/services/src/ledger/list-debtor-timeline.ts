import { listTimelineEvents, withTenant } from "@relance/db";
import { z } from "zod";
import { parseInput, timelineInput } from "../cases/case-inputs.ts";
import { readTimelinePage, type TimelinePage } from "../cases/timeline-page.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findVisibleDebtor } from "./get-debtor-detail.ts";

/** The case timeline's paging, for a debtor. */
export const debtorTimelineInput = timelineInput.omit({ caseId: true }).extend({ debtorId: z.uuid("Must be a valid id") });

/**
 * A page of everything that happened with a debtor, over all his cases (each event names its case), newest first.
 * Seen by whoever may see the debtor.
 */
export const listDebtorTimeline = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<TimelinePage> => {
  const q = parseInput(debtorTimelineInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await findVisibleDebtor(tx, actor, q.debtorId);
    return readTimelinePage(q.limit, (limit) => listTimelineEvents(tx, { debtorId: q.debtorId, before: q.before ?? null, limit }));
  });
};
