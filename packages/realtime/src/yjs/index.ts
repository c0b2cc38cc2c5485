export { createYjsServer, documentKey, type YjsServer } from "./yjs-server.ts";
export { createPostgresYjsPersistence } from "./postgres-persistence.ts";
export { documentPlainText } from "./plain-text.ts";
export { RELAY_ORIGIN } from "./shared-document.ts";
export type {
  YjsConnectionAuth,
  YjsLogger,
  YjsPersistence,
  YjsRelay,
  YjsServerOptions,
  YjsStoreArgs,
  YjsStoredDocument,
} from "./types.ts";
