import { findChatCounter, listChatMessagesBefore, listChatMessagesSince, withTenant } from "@relance/db";
import type { ChatCatchUp, ChatHistoryPage } from "@relance/domain";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { requireChatPoster, requireChatReader } from "./chat-access.ts";
import { toChatMessage } from "./chat-dto.ts";
import { chatCaseInput, chatHistoryInput, chatSinceInput } from "./chat-inputs.ts";

const CATCH_UP_LIMIT = 200;
const LATEST_PAGE = 50;

/**
 * What a client missed, from the database (never from the socket layer's memory): the messages after `afterSeq` and
 * the older ones edited or deleted after `afterRev`, in order. `afterSeq` null: the latest page, for a first load.
 */
export const catchUpChat = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<ChatCatchUp> => {
  const v = parseInput(chatSinceInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatReader(tx, actor, v.caseId);
    // the counter first: anything stored after it is read again on the next catch-up, never skipped
    const counter = await findChatCounter(tx, v.caseId);
    if (v.afterSeq === null) {
      const rows = await listChatMessagesBefore(tx, { caseId: v.caseId, before: null, limit: LATEST_PAGE });
      return { caseId: v.caseId, messages: rows.reverse().map(toChatMessage), lastSeq: counter.lastSeq, lastRev: counter.lastRev, hasMore: false };
    }
    const rows = await listChatMessagesSince(tx, { caseId: v.caseId, afterSeq: v.afterSeq, afterRev: v.afterRev, limit: CATCH_UP_LIMIT + 1 });
    const hasMore = rows.length > CATCH_UP_LIMIT;
    return { caseId: v.caseId, messages: rows.slice(0, CATCH_UP_LIMIT).map(toChatMessage), lastSeq: counter.lastSeq, lastRev: counter.lastRev, hasMore };
  });
};

/** Older messages, a page at a time, going backwards from `before`. */
export const chatHistory = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<ChatHistoryPage> => {
  const v = parseInput(chatHistoryInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatReader(tx, actor, v.caseId);
    const rows = await listChatMessagesBefore(tx, { caseId: v.caseId, before: v.before, limit: v.limit + 1 });
    const page = rows.slice(0, v.limit).reverse();
    return { caseId: v.caseId, messages: page.map(toChatMessage), hasMore: rows.length > v.limit };
  });
};

/** May the actor show "typing…" in this case (he may post there)? Checked on every typing event, access can end. */
export const checkChatPoster = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ caseId: string }> => {
  const v = parseInput(chatCaseInput, input);
  await withTenant(deps.db.sql, actor.orgId, (tx) => requireChatPoster(tx, actor, v.caseId));
  return v;
};
