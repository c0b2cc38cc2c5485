export * from "./dunning-policies.ts";
export * from "./plan-dunning.ts";
export * from "./send-due-actions.ts";
export * from "./message-context.ts";
export * from "./dunning-scheduler.ts";
export * from "./send-action.ts";
export * from "./send-action-now.ts";
export * from "./outbox.ts";
