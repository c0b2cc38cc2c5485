export * from "./raise-alerts.ts";
export * from "./alert-digest.ts";
export * from "./member-alerts.ts";
