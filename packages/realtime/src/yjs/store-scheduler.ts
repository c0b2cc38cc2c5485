export interface StoreSchedulerOptions {
  /** Quiet period after the last update before storing. */
  debounceMs: number;
  /** Upper bound between the first unsaved update and its store, however busy the document. */
  maxDebounceMs: number;
  /** Delay before retrying after a failed store. */
  retryMs: number;
  /** Stores whatever is unsaved; on failure it must keep the unsaved updates for the next run. */
  run: () => Promise<void>;
  onError: (error: unknown) => void;
}

export interface StoreScheduler {
  /** An update arrived. */
  notify(): void;
  /**
   * Stores now what is unsaved, after any store in flight; `force` runs even when nothing was notified (used to
   * compact on unload). Never rejects: resolves to false when the store failed.
   */
  flush(force?: boolean): Promise<boolean>;
  /** Stops the timers for good (document unloaded). */
  cancel(): void;
}

/**
 * Debounce with a ceiling, and one store at a time per document: a store that overlapped another could commit its
 * updates out of order, and two compactions could race. Updates arriving during a store schedule the next one.
 */
export const createStoreScheduler = (options: StoreSchedulerOptions): StoreScheduler => {
  let dirty = false;
  let firstUnsavedAt: number | null = null;
  let lastUpdateAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<boolean> | null = null;
  // The deadline passed while a store was running: start the next one as soon as it ends.
  let dueWhileRunning = false;
  let cancelled = false;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const arm = (delay: number) => {
    clearTimer();
    timer = setTimeout(fire, Math.max(0, delay));
    // A pending store must not keep the process alive: shutdown flushes explicitly.
    timer.unref?.();
  };
  /** Deadline: quiet period after the last update, capped by the ceiling after the first unsaved one. */
  const schedule = () => {
    firstUnsavedAt ??= lastUpdateAt;
    arm(Math.min(lastUpdateAt + options.debounceMs, firstUnsavedAt + options.maxDebounceMs) - Date.now());
  };
  const fire = () => {
    timer = null;
    if (running) dueWhileRunning = true;
    else void start();
  };
  const start = (): Promise<boolean> => {
    clearTimer();
    dirty = false;
    firstUnsavedAt = null;
    dueWhileRunning = false;
    const run = options
      .run()
      .then(
        () => true,
        (error: unknown) => {
          options.onError(error);
          dirty = true;
          return false;
        },
      )
      .then((ok) => {
        running = null;
        if (!cancelled && dirty) {
          if (!ok) arm(options.retryMs);
          else if (dueWhileRunning) void start();
          else schedule();
        }
        return ok;
      });
    running = run;
    return run;
  };

  return {
    notify() {
      if (cancelled) return;
      dirty = true;
      lastUpdateAt = Date.now();
      // During a run this anchors the ceiling at this update; a timer firing mid-run is deferred to the run's end.
      schedule();
    },
    async flush(force = false) {
      if (force) dirty = true;
      if (running) await running;
      // The store that just ended may have started the next one; it covers everything unsaved at our call.
      if (running) return running;
      if (!dirty) return true;
      return start();
    },
    cancel() {
      cancelled = true;
      clearTimer();
    },
  };
};
