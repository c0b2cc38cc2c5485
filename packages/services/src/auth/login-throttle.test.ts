import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, nextThrottleState } from "./login-throttle.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, seconds));

describe("nextThrottleState", () => {
  it("allows the free failures, then locks for 30 s, doubling up to the cap", () => {
    let state = undefined as ReturnType<typeof nextThrottleState> | undefined;
    const locks: (number | null)[] = [];
    for (let i = 0; i < 12; i++) {
      state = nextThrottleState(state, "account:a@b.c", ACCOUNT_POLICY, at(i));
      locks.push(state.lockedUntil ? (state.lockedUntil.getTime() - at(i).getTime()) / 1000 : null);
    }
    expect(locks).toEqual([null, null, null, null, null, 30, 60, 120, 240, 480, 900, 900]);
  });

  it("starts a new window once the old one has passed", () => {
    const first = nextThrottleState(undefined, "k", ACCOUNT_POLICY, at(0));
    const later = new Date(at(0).getTime() + ACCOUNT_POLICY.windowMs + 1);
    expect(nextThrottleState({ ...first, failures: 9 }, "k", ACCOUNT_POLICY, later)).toEqual({
      key: "k",
      failures: 1,
      windowStartedAt: later,
      lockedUntil: null,
    });
  });
});
