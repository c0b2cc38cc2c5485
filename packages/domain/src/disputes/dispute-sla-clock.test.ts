import { describe, expect, it } from "vitest";
import { currentWait, waitingTimeByParty, type DisputeStatusInterval } from "./dispute-sla-clock.ts";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

const history: DisputeStatusInterval[] = [
  { status: "open", from: at("2026-03-02T09:00:00Z"), to: at("2026-03-02T10:00:00Z") },
  { status: "waiting_sales", from: at("2026-03-02T10:00:00Z"), to: at("2026-03-02T13:00:00Z") },
  { status: "investigating", from: at("2026-03-02T13:00:00Z"), to: at("2026-03-03T09:00:00Z") },
  { status: "waiting_billing", from: at("2026-03-03T09:00:00Z"), to: at("2026-03-03T11:30:00Z") },
  { status: "waiting_sales", from: at("2026-03-03T11:30:00Z"), to: at("2026-03-03T12:00:00Z") },
  { status: "waiting_customer", from: at("2026-03-03T12:00:00Z"), to: null },
];

describe("waitingTimeByParty", () => {
  it("adds every waiting interval of a party, and the open one up to now", () => {
    expect(waitingTimeByParty(history, at("2026-03-04T12:00:00Z"))).toEqual({ sales: 3.5 * HOUR, billing: 2.5 * HOUR, customer: 24 * HOUR });
  });

  it("counts nothing for open and investigating time, nor for a dispute that never waited", () => {
    expect(waitingTimeByParty(history.slice(0, 1), at("2026-03-09T00:00:00Z"))).toEqual({ sales: 0, billing: 0, customer: 0 });
    expect(waitingTimeByParty([], at("2026-03-09T00:00:00Z"))).toEqual({ sales: 0, billing: 0, customer: 0 });
  });

  it("a resolved dispute's clocks stop: later 'now' changes nothing", () => {
    const closed: DisputeStatusInterval[] = [...history.slice(0, 5), { status: "waiting_customer", from: at("2026-03-03T12:00:00Z"), to: at("2026-03-03T14:00:00Z") }, { status: "resolved", from: at("2026-03-03T14:00:00Z"), to: null }];
    const one = waitingTimeByParty(closed, at("2026-03-05T00:00:00Z"));
    expect(one).toEqual({ sales: 3.5 * HOUR, billing: 2.5 * HOUR, customer: 2 * HOUR });
    expect(waitingTimeByParty(closed, at("2027-01-01T00:00:00Z"))).toEqual(one);
  });

  it("counts only the part inside a window, so consecutive windows add up to the whole", () => {
    const now = at("2026-03-04T12:00:00Z");
    const split = at("2026-03-03T10:00:00Z");
    const before = waitingTimeByParty(history, now, { from: at("2026-03-01T00:00:00Z"), to: split });
    const after = waitingTimeByParty(history, now, { from: split, to: at("2026-04-01T00:00:00Z") });
    expect(before).toEqual({ sales: 3 * HOUR, billing: 1 * HOUR, customer: 0 });
    expect(after).toEqual({ sales: 0.5 * HOUR, billing: 1.5 * HOUR, customer: 24 * HOUR });
    const whole = waitingTimeByParty(history, now);
    expect(before.sales + after.sales).toBe(whole.sales);
    expect(before.customer + after.customer).toBe(whole.customer);
  });

  it("an interval whose end precedes its start counts nothing", () => {
    expect(waitingTimeByParty([{ status: "waiting_sales", from: at("2026-03-02T10:00:00Z"), to: at("2026-03-02T09:00:00Z") }], at("2026-03-03T00:00:00Z")).sales).toBe(0);
    expect(waitingTimeByParty([{ status: "waiting_sales", from: at("2026-03-02T10:00:00Z"), to: null }], at("2026-03-02T09:00:00Z")).sales).toBe(0);
  });
});

describe("currentWait", () => {
  it("names the party waited on now and since when", () => {
    expect(currentWait(history)).toEqual({ party: "customer", since: at("2026-03-03T12:00:00Z") });
    expect(currentWait(history.slice(0, 3).map((i, n) => (n === 2 ? { ...i, to: null } : i)))).toBeNull();
  });
});
