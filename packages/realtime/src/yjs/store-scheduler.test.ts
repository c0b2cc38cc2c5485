import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStoreScheduler } from "./store-scheduler.ts";

/** A run whose completion the test controls, counting overlaps. */
const controllableRun = () => {
  const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const run = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        active++;
        maxActive = Math.max(maxActive, active);
        const done = () => active--;
        calls.push({ resolve: () => (done(), resolve()), reject: (e) => (done(), reject(e)) });
      }),
  );
  return { run, calls, maxActive: () => maxActive };
};

const setup = (run: () => Promise<void>) => {
  const onError = vi.fn();
  const scheduler = createStoreScheduler({ debounceMs: 2_000, maxDebounceMs: 10_000, retryMs: 5_000, run, onError });
  return { scheduler, onError };
};

describe("store scheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("stores after the quiet period, restarted by each update", async () => {
    const run = vi.fn(async () => undefined);
    const { scheduler } = setup(run);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(1_500);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("stores no later than the ceiling while updates keep coming", async () => {
    const run = vi.fn(async () => undefined);
    const { scheduler } = setup(run);
    for (let t = 0; t < 9; t++) {
      scheduler.notify();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(run).not.toHaveBeenCalled();
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("never runs two stores at once, and stores again for updates that arrived meanwhile", async () => {
    const { run, calls, maxActive } = controllableRun();
    const { scheduler } = setup(run);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(1);
    // Updates during a slow store; their timers expire while it is still running.
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive()).toBe(1);
  });

  it("keeps the debounce for updates that arrived during a store that ended before their deadline", async () => {
    const { run, calls } = controllableRun();
    const { scheduler } = setup(run);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(2_000);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("reports a failed store and retries it later", async () => {
    const { run, calls } = controllableRun();
    const { scheduler, onError } = setup(run);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(2_000);
    calls[0]!.reject(new Error("db down"));
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledWith(new Error("db down"));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("flush stores at once, after the store in flight, and reports the outcome", async () => {
    const { run, calls, maxActive } = controllableRun();
    const { scheduler } = setup(run);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(2_000);
    scheduler.notify();
    const flushed = scheduler.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.reject(new Error("db down"));
    await expect(flushed).resolves.toBe(false);
    expect(maxActive()).toBe(1);
  });

  it("flush does nothing when nothing is unsaved, unless forced", async () => {
    const run = vi.fn(async () => undefined);
    const { scheduler } = setup(run);
    await expect(scheduler.flush()).resolves.toBe(true);
    expect(run).not.toHaveBeenCalled();
    await expect(scheduler.flush(true)).resolves.toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    // The debounce timer armed earlier does not store a second time.
    scheduler.notify();
    await scheduler.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("cancel drops the pending timer", async () => {
    const run = vi.fn(async () => undefined);
    const { scheduler } = setup(run);
    scheduler.notify();
    scheduler.cancel();
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).not.toHaveBeenCalled();
  });
});
