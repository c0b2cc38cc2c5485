export * from "./origin-check.ts";
export * from "./authenticate-request.ts";
export * from "./reject-upgrade.ts";
export * from "./socket-handler.ts";
export * from "./socket-server.ts";
export * from "./upgrade-router.ts";
export * from "./yjs/index.ts";
