import type { Role } from "../roles.ts";

/**
 * A dispute's life: opened, investigated, handed to the department (or the customer) who must act, resolved. The
 * waiting statuses are what the SLA clocks measure; `resolved` is final.
 */
export const DISPUTE_STATUSES = ["open", "investigating", "waiting_sales", "waiting_billing", "waiting_customer", "resolved"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** The statuses `changeStatus` moves between; `resolved` is reached only by resolving, with a resolution. */
export const ACTIVE_DISPUTE_STATUSES = ["open", "investigating", "waiting_sales", "waiting_billing", "waiting_customer"] as const;
export type ActiveDisputeStatus = (typeof ACTIVE_DISPUTE_STATUSES)[number];

export const DISPUTE_RESOLUTIONS = ["credit_note", "rejected", "partial"] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

/** Who a dispute is waiting on. */
export const WAITING_PARTIES = ["sales", "billing", "customer"] as const;
export type WaitingParty = (typeof WAITING_PARTIES)[number];

export const waitingPartyOf = (status: DisputeStatus): WaitingParty | null =>
  status === "waiting_sales" ? "sales" : status === "waiting_billing" ? "billing" : status === "waiting_customer" ? "customer" : null;

export const isActiveDisputeStatus = (status: DisputeStatus): status is ActiveDisputeStatus => status !== "resolved";

/** Where a dispute may go from each status (besides being resolved). Nothing goes back to `open`. */
const NEXT: Record<DisputeStatus, readonly DisputeStatus[]> = {
  open: ["investigating", "waiting_sales", "waiting_billing", "waiting_customer"],
  investigating: ["waiting_sales", "waiting_billing", "waiting_customer"],
  waiting_sales: ["investigating", "waiting_billing", "waiting_customer"],
  waiting_billing: ["investigating", "waiting_sales", "waiting_customer"],
  waiting_customer: ["investigating", "waiting_sales", "waiting_billing"],
  resolved: [],
};

/** The roles that run disputes: they open, change, resolve them. */
export const DISPUTE_WRITERS: readonly Role[] = ["admin", "credit_manager", "billing"];

/**
 * A sales rep who sees the case works the dispute with the credit manager: he takes it for investigation or hands it
 * to billing or to the customer (typically once he has answered), but never resolves it, nor puts it on his own desk.
 */
const SALES_TARGETS: readonly DisputeStatus[] = ["investigating", "waiting_billing", "waiting_customer"];

/** The statuses `role` may move a dispute to from `from` (managers only read). */
export const allowedDisputeTransitions = (from: DisputeStatus, role: Role): DisputeStatus[] => {
  const next = NEXT[from];
  if (DISPUTE_WRITERS.includes(role)) return [...next];
  if (role === "sales") return next.filter((s) => SALES_TARGETS.includes(s));
  return [];
};

export const mayResolveDispute = (status: DisputeStatus, role: Role): boolean => status !== "resolved" && DISPUTE_WRITERS.includes(role);

/** A resolution credits money when it is a credit note (the whole claim or less) or partial. */
export const resolutionCredits = (resolution: DisputeResolution): boolean => resolution !== "rejected";
