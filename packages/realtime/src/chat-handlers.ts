import type { ChatMessage, MentionNotification } from "@relance/domain";
import {
  catchUpChat, chatCaseInput, chatDeleteInput, chatEditInput, chatHistory, chatHistoryInput, chatSendInput, chatSinceInput, checkChatPoster,
  deleteChatMessage, editChatMessage, sendChatMessage, type Actor, type ChatOptions, type ServiceDeps,
} from "@relance/services";
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@relance/domain";
import type { InterServerEvents } from "./node-events.ts";
import { socketHandler, type Logger } from "./socket-handler.ts";

/** How often one connection's "typing" reaches the room at most. */
export const TYPING_THROTTLE_MS = 2_000;

interface ChatSocketData {
  userId: string;
  orgId: string;
  displayName: string;
  role: Actor["role"];
  cases: Set<string>;
}
type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ChatSocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ChatSocketData>;

export interface ChatHandlerContext {
  deps: ServiceDeps;
  logger: Logger;
  caseRoom: (orgId: string, caseId: string) => string;
  userRoom: (orgId: string, userId: string) => string;
  options?: ChatOptions;
}

/**
 * The case chat over Socket.IO. Every event is checked against the case access rule in the service's transaction
 * (not only when joining: access can be revoked); the room learns of a message only once it is stored.
 */
export const registerChatHandlers = (io: ChatServer, socket: ChatSocket, ctx: ChatHandlerContext): void => {
  const { deps, logger } = ctx;
  const actor = (): Actor => ({ userId: socket.data.userId, orgId: socket.data.orgId, role: socket.data.role });
  const room = (caseId: string) => ctx.caseRoom(socket.data.orgId, caseId);
  const tell = (event: "chat:message" | "chat:updated", message: ChatMessage) => io.to(room(message.caseId)).emit(event, message);
  const notify = (notifications: (MentionNotification & { userId: string })[]) => {
    for (const { userId, ...notification } of notifications) io.to(ctx.userRoom(socket.data.orgId, userId)).emit("notification:new", notification);
  };
  const lastTyping = new Map<string, number>();

  socket.on("chat:send", socketHandler(chatSendInput, async (payload) => {
    const sent = await sendChatMessage(deps, actor(), payload, ctx.options);
    // a retry is told again: the first answer may have been lost with the node that stored it
    tell("chat:message", sent.message);
    notify(sent.notifications);
    return sent.message;
  }, logger, "chat:send"));

  socket.on("chat:edit", socketHandler(chatEditInput, async (payload) => {
    const edited = await editChatMessage(deps, actor(), payload, ctx.options);
    tell("chat:updated", edited.message);
    notify(edited.notifications);
    return edited.message;
  }, logger, "chat:edit"));

  socket.on("chat:delete", socketHandler(chatDeleteInput, async (payload) => {
    const deleted = await deleteChatMessage(deps, actor(), payload);
    tell("chat:updated", deleted);
    return deleted;
  }, logger, "chat:delete"));

  socket.on("chat:since", socketHandler(chatSinceInput, async (payload) => {
    // join before reading, so that nothing stored in between is missed (a duplicate is dropped by its seq)
    const wasIn = socket.rooms.has(room(payload.caseId));
    await socket.join(room(payload.caseId));
    try {
      const missed = await catchUpChat(deps, actor(), payload);
      socket.data.cases.add(payload.caseId);
      return missed;
    } catch (error) {
      if (!wasIn) await socket.leave(room(payload.caseId));
      throw error;
    }
  }, logger, "chat:since"));

  socket.on("chat:history", socketHandler(chatHistoryInput, (payload) => chatHistory(deps, actor(), payload), logger, "chat:history"));

  socket.on("chat:typing", socketHandler(chatCaseInput, async ({ caseId }) => {
    const now = Date.now();
    if (now - (lastTyping.get(caseId) ?? 0) < TYPING_THROTTLE_MS) return null;
    lastTyping.set(caseId, now);
    await checkChatPoster(deps, actor(), { caseId });
    socket.to(room(caseId)).emit("chat:typing", { caseId, userId: socket.data.userId, displayName: socket.data.displayName });
    return null;
  }, logger, "chat:typing"));
};
