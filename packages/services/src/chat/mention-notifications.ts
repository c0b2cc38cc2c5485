import { listMentionableMembers, listUnreadNotifications, markNotificationsRead, withTenant } from "@relance/db";
import type { MentionNotification } from "@relance/domain";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { toMentionNotification } from "./chat-dto.ts";
import { notificationIdsInput } from "./chat-inputs.ts";

/** The bell: the latest unread notifications of the actor in this tenant, and how many are unread. */
export const listMyNotifications = async (deps: ServiceDeps, actor: Actor): Promise<{ unread: number; items: MentionNotification[] }> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const { items, total } = await listUnreadNotifications(tx, actor.userId, 30);
    return { unread: total, items: items.map(toMentionNotification) };
  });

/** Marks the actor's own notifications read (another person's ids change nothing). */
export const markMyNotificationsRead = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ changed: number }> => {
  const { ids } = parseInput(notificationIdsInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => ({ changed: await markNotificationsRead(tx, actor.userId, ids) }));
};

export const markAllMyNotificationsRead = async (deps: ServiceDeps, actor: Actor): Promise<{ changed: number }> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => ({ changed: await markNotificationsRead(tx, actor.userId, null) }));

/** Everyone of the tenant who can be @mentioned, for the composer's autocomplete. */
export const listMentionableMembersOf = async (deps: ServiceDeps, actor: Actor) =>
  withTenant(deps.db.sql, actor.orgId, (tx) => listMentionableMembers(tx));
