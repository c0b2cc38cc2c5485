import { endLapsedSessions, type ServiceDeps } from "@relance/services";
import type { Logger } from "./socket-handler.ts";

export interface SessionSweep {
  /** Checks the sessions held now; answers those it ended. */
  runOnce(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Signing out, a password change or a removal ends sessions with an event that closes their connections at once. A
 * session that runs out (its expiry passed) or whose row is deleted directly raises none, and a socket or notes
 * connection opened while it stood would stay up. Every `intervalMs` each node checks the sessions its own connections
 * hold, in one query, and ends those that no longer stand: the same event then closes them on every node.
 */
export const startSessionSweep = (
  deps: ServiceDeps,
  options: { intervalMs: number; sessionIds: () => string[]; logger: Logger },
): SessionSweep => {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const runOnce = () => endLapsedSessions(deps, options.sessionIds());
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = runOnce()
      .then((ended) => ended.length > 0 && options.logger.info("lapsed sessions ended", { count: ended.length }))
      .catch((error: unknown) => options.logger.error("session sweep failed", { error: String(error) }))
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
