import { AppError, canWatchDashboards, type ClientToServerEvents, type KpiChanged, type ServerToClientEvents } from "@relance/domain";
import { validateSessionToken, type ServiceDeps } from "@relance/services";
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { InterServerEvents } from "./node-events.ts";
import { socketHandler, type Logger } from "./socket-handler.ts";

/** The sockets of one tenant watching its dashboards. */
export const dashboardRoom = (orgId: string): string => `dashboard:${orgId}`;

interface WatcherData {
  orgId: string;
  role: Parameters<typeof canWatchDashboards>[0];
  token: string;
}
type PushServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, WatcherData>;
type PushSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, WatcherData>;

export interface KpiPushOptions {
  /** Quiet time after the last change before pushing (trailing debounce). */
  debounceMs?: number;
  /** Longest a change waits under a steady stream of changes. */
  maxWaitMs?: number;
}

interface Pending {
  timer: NodeJS.Timeout;
  firstAt: number;
  changes: number;
}

/**
 * Coalesces "the KPIs of this tenant moved" per tenant: a trailing debounce (a burst ends → one push) with a maximum
 * wait (a steady stream still pushes every `maxWaitMs`). The push goes to the tenant's dashboard room on every node
 * through the adapter; what it carries is small, each dashboard refetches with its own filters.
 */
export const createKpiPusher = (io: PushServer, options: KpiPushOptions = {}) => {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1_000;
  const pending = new Map<string, Pending>();
  const sequences = new Map<string, number>();

  const push = (orgId: string) => {
    const entry = pending.get(orgId);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(orgId);
    const seq = (sequences.get(orgId) ?? 0) + 1;
    sequences.set(orgId, seq);
    const change: KpiChanged = { seq, changedAt: new Date(entry.firstAt).toISOString(), changes: entry.changes };
    io.to(dashboardRoom(orgId)).emit("kpi:changed", change);
  };

  return {
    notify(orgId: string): void {
      const now = Date.now();
      const entry = pending.get(orgId);
      if (entry) clearTimeout(entry.timer);
      const firstAt = entry?.firstAt ?? now;
      const wait = Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now));
      pending.set(orgId, { firstAt, changes: (entry?.changes ?? 0) + 1, timer: setTimeout(() => push(orgId), wait) });
    },
    lastSeq: (orgId: string): number => sequences.get(orgId) ?? 0,
    /** Sends what is pending now (shutdown). */
    flushAll(): void {
      for (const orgId of [...pending.keys()]) push(orgId);
    },
  };
};
export type KpiPusher = ReturnType<typeof createKpiPusher>;

const emptyPayload = z.object({}).strict();

/** `dashboard:watch` / `dashboard:unwatch`: the role is checked against a fresh session before joining the room. */
export const registerDashboardHandlers = (socket: PushSocket, ctx: { deps: ServiceDeps; logger: Logger; pusher: KpiPusher }): void => {
  socket.on(
    "dashboard:watch",
    socketHandler(
      emptyPayload,
      async () => {
        const session = await validateSessionToken(ctx.deps, socket.data.token);
        if (!session) {
          socket.disconnect(true);
          throw new AppError("UNAUTHORIZED", "Your session has ended.", { key: "errors.unauthorized" });
        }
        if (!canWatchDashboards(session.role)) throw new AppError("FORBIDDEN", "Your role does not allow the dashboards.");
        await socket.join(dashboardRoom(socket.data.orgId));
        return { seq: ctx.pusher.lastSeq(socket.data.orgId) };
      },
      ctx.logger,
      "dashboard:watch",
    ),
  );
  socket.on(
    "dashboard:unwatch",
    socketHandler(
      emptyPayload,
      async () => {
        await socket.leave(dashboardRoom(socket.data.orgId));
        return null;
      },
      ctx.logger,
      "dashboard:unwatch",
    ),
  );
};
