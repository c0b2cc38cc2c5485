import { countUnreadAlerts, listUserAlerts, markAlertsRead, withTenant } from "@relance/db";
import type { CollectionAlert } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../../deps.ts";
import { parseInput } from "../../cases/case-inputs.ts";
import { toCollectionAlert } from "./raise-alerts.ts";

export const alertListInput = z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(100) });
export const markAlertsReadInput = z.object({ ids: z.array(z.uuid("Must be an alert id")).min(1).max(200).nullable() });

/** The member's own alerts, newest first, and how many are unread. */
export const listMyAlerts = async (deps: ServiceDeps, actor: Actor, input: unknown = {}): Promise<{ alerts: CollectionAlert[]; unread: number }> => {
  const v = parseInput(alertListInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => ({
    alerts: (await listUserAlerts(tx, actor.userId, v)).map(toCollectionAlert),
    unread: await countUnreadAlerts(tx, actor.userId),
  }));
};

/** Marks the given alerts (or all, with `ids: null`) read; someone else's ids change nothing. */
export const markMyAlertsRead = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ marked: number }> => {
  const { ids } = parseInput(markAlertsReadInput, input);
  return { marked: await withTenant(deps.db.sql, actor.orgId, (tx) => markAlertsRead(tx, actor.userId, ids, deps.clock.now())) };
};
