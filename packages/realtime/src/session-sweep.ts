import { endLapsedSessions, type ServiceDeps } from "@relance/services";
import { runPeriodically } from "./periodic-task.ts";
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
  const runOnce = () => endLapsedSessions(deps, options.sessionIds());
  const task = runPeriodically(
    async () => {
      const ended = await runOnce();
      if (ended.length > 0) options.logger.info("lapsed sessions ended", { count: ended.length });
    },
    { intervalMs: options.intervalMs, logger: options.logger, failure: "session sweep failed" },
  );
  return { runOnce, stop: task.stop };
};
