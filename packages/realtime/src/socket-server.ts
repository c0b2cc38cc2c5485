import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { AppError, type ClientToServerEvents, type PresenceMember, type PresenceUpdate, type ServerToClientEvents } from "@relance/domain";
import { findAccessibleCase, type ChatOptions, type DomainEvent, type ServiceDeps, type SessionContext, validateSessionToken } from "@relance/services";
import { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { authenticateRequest, sessionTokenOf } from "./authenticate-request.ts";
import { isAllowedOrigin } from "./origin-check.ts";
import { registerChatHandlers } from "./chat-handlers.ts";
import { createKpiPusher, registerDashboardHandlers, type KpiPushOptions } from "./dashboard-push.ts";
import { isNodeEvent, type InterServerEvents, type NodeEvent } from "./node-events.ts";
import { socketHandler, type Logger } from "./socket-handler.ts";

export interface SocketData {
  userId: string;
  orgId: string;
  displayName: string;
  role: SessionContext["role"];
  sessionId: string;
  token: string;
  cases: Set<string>;
}

export type RelanceServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RelanceSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketServerOptions {
  deps: ServiceDeps;
  allowedOrigins: readonly string[];
  redisUrl?: string | undefined;
  logger: Logger;
  /** Largest inbound payload in bytes; a larger one closes that connection only. */
  maxPayloadBytes?: number;
  /** Case chat settings (how long a mention waits before it is e-mailed). */
  chat?: ChatOptions;
  /** How dashboard pushes are coalesced per tenant. */
  kpiPush?: KpiPushOptions;
}

/** Every socket that has a case open (presence and chat). */
export const caseRoom = (orgId: string, caseId: string) => `case:${orgId}:${caseId}`;
/** Every socket of one tenant. */
export const orgRoom = (orgId: string) => `org:${orgId}`;
/** Every socket a user opened in one tenant (a user of two tenants has two rooms). */
export const userRoom = (orgId: string, userId: string) => `user:${orgId}:${userId}`;
const casePayload = z.object({ caseId: z.uuid("caseId must be a case id") }).strict();

/** Sessions checked during the handshake, handed to the connection without a second lookup. */
const handshakeSessions = new WeakMap<IncomingMessage, SessionContext>();

export const createSocketServer = (httpServer: HttpServer, options: SocketServerOptions) => {
  const { deps, logger } = options;
  const io: RelanceServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: options.maxPayloadBytes ?? 64 * 1024,
    // Authenticate every handshake (polling or WebSocket-first) before a connection exists.
    allowRequest: (req, callback) => {
      if (!isAllowedOrigin(req, options.allowedOrigins)) return callback("Origin not allowed", false);
      authenticateRequest(deps, req).then(
        (session) => {
          if (!session) return callback("Unauthorized", false);
          handshakeSessions.set(req, session);
          callback(null, true);
        },
        (error: unknown) => {
          logger.error("socket handshake failed", { error: String(error) });
          callback("Unavailable", false);
        },
      );
    },
  });

  const redis = options.redisUrl ? new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : null;
  const redisSub = redis?.duplicate() ?? null;
  if (redis && redisSub) io.adapter(createAdapter(redis, redisSub));

  io.use((socket, next) => {
    const session = handshakeSessions.get(socket.request);
    const token = sessionTokenOf(socket.request);
    if (!session || !token) return next(new Error("Unauthorized"));
    socket.data = {
      userId: session.user.id,
      orgId: session.org.id,
      displayName: session.user.displayName,
      role: session.role,
      sessionId: session.session.id,
      token,
      cases: new Set(),
    };
    void socket.join([orgRoom(session.org.id), userRoom(session.org.id, session.user.id), `session:${session.session.id}`]);
    next();
  });

  const membersOf = async (orgId: string, caseId: string): Promise<PresenceMember[]> => {
    const sockets = await io.in(caseRoom(orgId, caseId)).fetchSockets();
    const byUser = new Map<string, PresenceMember>();
    for (const s of sockets) byUser.set(s.data.userId, { userId: s.data.userId, displayName: s.data.displayName });
    return [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  };

  /** Tells the room who is in it now, and returns that update (one cross-node lookup). */
  const broadcastPresence = async (orgId: string, caseId: string): Promise<PresenceUpdate> => {
    const update = { caseId, members: await membersOf(orgId, caseId) };
    io.to(caseRoom(orgId, caseId)).emit("presence:update", update);
    return update;
  };

  const kpiPusher = createKpiPusher(io, options.kpiPush);

  // What this node does for the connections it holds outside Socket.IO (the notes), for events raised on any node.
  const nodeListeners: ((event: NodeEvent) => void)[] = [];
  const actOnThisNode = (event: NodeEvent) => {
    for (const listener of nodeListeners) {
      try {
        listener(event);
      } catch (error) {
        logger.error("node event listener failed", { type: event.type, error: String(error) });
      }
    }
  };
  io.on("node:event", actOnThisNode);

  io.on("connection", (socket: RelanceSocket) => {
    registerDashboardHandlers(socket, { deps, logger, pusher: kpiPusher });
    registerChatHandlers(io, socket, { deps, logger, caseRoom, userRoom, ...(options.chat ? { options: options.chat } : {}) });
    socket.on(
      "presence:join",
      socketHandler(
        casePayload,
        async ({ caseId }) => {
          // The session may have ended since the handshake: check it again before entering a room.
          const session = await validateSessionToken(deps, socket.data.token);
          if (!session) {
            socket.disconnect(true);
            throw new AppError("UNAUTHORIZED", "Your session has ended.", { key: "errors.unauthorized" });
          }
          await findAccessibleCase(deps, { userId: session.user.id, orgId: session.org.id, role: session.role }, caseId);
          await socket.join(caseRoom(socket.data.orgId, caseId));
          socket.data.cases.add(caseId);
          return broadcastPresence(socket.data.orgId, caseId);
        },
        logger,
        "presence:join",
      ),
    );

    socket.on(
      "presence:leave",
      socketHandler(
        casePayload,
        async ({ caseId }) => {
          if (socket.data.cases.delete(caseId)) {
            await socket.leave(caseRoom(socket.data.orgId, caseId));
            await broadcastPresence(socket.data.orgId, caseId);
          }
          return null;
        },
        logger,
        "presence:leave",
      ),
    );

    socket.on("disconnect", () => {
      for (const caseId of socket.data.cases) {
        broadcastPresence(socket.data.orgId, caseId).catch((error: unknown) =>
          logger.warn("presence broadcast failed", { error: String(error) }),
        );
      }
    });
  });

  /** Delivers what services announce to the sockets concerned, on every node (through the adapter). */
  const relayDomainEvent = (event: DomainEvent): void => {
    if (isNodeEvent(event)) {
      actOnThisNode(event);
      // the other nodes (never this one) get it through the adapter; without Redis there are none
      if (redis) io.serverSideEmit("node:event", event);
    }
    switch (event.type) {
      case "import.progress": {
        if (!event.userId) return;
        const { type: _type, orgId, userId, ...progress } = event;
        io.to(userRoom(orgId, userId)).emit("import:progress", progress);
        return;
      }
      case "import.finished":
        if (event.userId) io.to(userRoom(event.orgId, event.userId)).emit("import:finished", { importId: event.importId, clientRef: event.clientRef, status: event.status });
        return;
      case "ledger.changed":
        kpiPusher.notify(event.orgId);
        return;
      case "case.changed":
        io.to(caseRoom(event.orgId, event.caseId)).emit("case:changed", { caseId: event.caseId });
        return;
      case "dispute.changed":
        io.to(caseRoom(event.orgId, event.caseId)).emit("dispute:changed", { caseId: event.caseId, disputeId: event.disputeId });
        // the dashboards' dispute figures move too
        kpiPusher.notify(event.orgId);
        return;
      case "case.access-revoked":
        // on every node: the person's sockets leave the room at once, and the others see him go
        io.in(userRoom(event.orgId, event.userId)).socketsLeave(caseRoom(event.orgId, event.caseId));
        broadcastPresence(event.orgId, event.caseId).catch((error: unknown) =>
          logger.warn("presence broadcast failed", { error: String(error) }),
        );
        return;
      case "sessions.ended":
        for (const id of event.sessionIds) io.in(`session:${id}`).disconnectSockets(true);
        return;
      case "alerts.raised":
        for (const alert of event.alerts) io.to(userRoom(event.orgId, event.userId)).emit("alert:new", alert);
        return;
    }
  };

  return {
    io,
    relayDomainEvent,
    /** The sessions this node's sockets were opened with (to check that they still stand). */
    localSessionIds: (): string[] => [...io.of("/").sockets.values()].map((socket) => socket.data.sessionId),
    /** Runs `listener` on this node for every ended session and revoked case access, wherever it was raised. */
    onNodeEvent: (listener: (event: NodeEvent) => void): void => {
      nodeListeners.push(listener);
    },
    close: async () => {
      kpiPusher.flushAll();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await Promise.allSettled([redis?.quit(), redisSub?.quit()]);
    },
  };
};

export type SocketServer = ReturnType<typeof createSocketServer>;
