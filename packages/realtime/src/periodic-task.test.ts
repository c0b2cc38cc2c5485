import { afterEach, describe, expect, it, vi } from "vitest";
import { runPeriodically } from "./periodic-task.ts";

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

afterEach(() => {
  vi.useRealTimers();
});

describe("runPeriodically", () => {
  it("never runs two passes at once: a tick while a pass is under way is skipped", async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    const pass = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const task = runPeriodically(pass, { intervalMs: 1_000, logger: logger(), failure: "failed" });
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(pass).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pass).toHaveBeenCalledTimes(2);
    release();
    await task.stop();
  });

  it("logs a failed pass and goes on with the next", async () => {
    vi.useFakeTimers();
    const log = logger();
    const pass = vi.fn().mockRejectedValueOnce(new Error("database gone")).mockResolvedValue(undefined);
    const task = runPeriodically(pass, { intervalMs: 1_000, logger: log, failure: "sweep failed" });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log.error).toHaveBeenCalledWith("sweep failed", { error: "Error: database gone" });
    expect(pass).toHaveBeenCalledTimes(2);
    await task.stop();
  });

  it("stops ticking, and waits for the pass under way", async () => {
    vi.useFakeTimers();
    let finished = false;
    let release: () => void = () => undefined;
    const pass = vi.fn(() => new Promise<void>((resolve) => (release = resolve)).then(() => void (finished = true)));
    const task = runPeriodically(pass, { intervalMs: 1_000, logger: logger(), failure: "failed" });
    await vi.advanceTimersByTimeAsync(1_000);
    const stopped = task.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
