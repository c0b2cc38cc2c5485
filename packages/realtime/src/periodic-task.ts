import type { Logger } from "./socket-handler.ts";

export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` on this node, never two passes at once (a slow pass makes the next tick skip), and
 * logs a failed pass instead of throwing. The timer does not keep the process alive; `stop` waits for a pass under way.
 */
export const runPeriodically = (pass: () => Promise<unknown>, options: { intervalMs: number; logger: Logger; failure: string }): PeriodicTask => {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = pass()
      .catch((error: unknown) => options.logger.error(options.failure, { error: String(error) }))
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
