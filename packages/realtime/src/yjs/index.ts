export { createYjsServer, documentKey, type YjsServer } from "./yjs-server.ts";
export { createPostgresYjsPersistence } from "./postgres-persistence.ts";
export { documentPlainText } from "./plain-text.ts";
export { endNotesConnections } from "./end-connections.ts";
export { RELAY_ORIGIN } from "./document-relay.ts";
export { createRedisYjsRelay, type RedisYjsRelay } from "./redis-relay.ts";
export type {
  YjsConnectionAuth,
  YjsLogger,
  YjsPersistence,
  YjsRelay,
  YjsRelaySubscription,
  YjsServerOptions,
  YjsStoreArgs,
  YjsStoredDocument,
} from "./types.ts";
