export * from "./errors.ts";
export * from "./roles.ts";
export * from "./locale.ts";
export * from "./organization.ts";
export * from "./password-policy.ts";
export * from "./money.ts";
export * from "./realtime-events.ts";
export * from "./ledger/index.ts";
