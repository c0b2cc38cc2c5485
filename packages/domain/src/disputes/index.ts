/** Disputes: statuses and who may move them, the SLA clock per waiting party, due dates, credit spreading. Pure. */
export * from "./dispute-status.ts";
export * from "./dispute-sla-clock.ts";
export * from "./dispute-due-date.ts";
export * from "./dispute-amounts.ts";
export * from "./default-dispute-reasons.ts";
