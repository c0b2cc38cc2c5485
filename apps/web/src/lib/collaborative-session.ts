import { YJS_CLOSE_ACCESS_REVOKED, YJS_CLOSE_SESSION_ENDED, YJS_PATH_PREFIX, YJS_READ_ONLY_REASON } from "@relance/domain";
import { readAuthMessage } from "y-protocols/auth";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/**
 * connecting: no live connection yet (or lost and retrying); syncing: connected, state being exchanged; live. The
 * server ended it for good: sessionEnded (signed out, expired), noAccess (access to the case revoked).
 */
export type CollaborationStatus = "connecting" | "syncing" | "live" | "sessionEnded" | "noAccess";

/** What the server's close code says, when it ended the connection for good; null for any other close. */
export const endedStatusOf = (code: number): "sessionEnded" | "noAccess" | null =>
  code === YJS_CLOSE_SESSION_ENDED ? "sessionEnded" : code === YJS_CLOSE_ACCESS_REVOKED ? "noAccess" : null;

export interface CollaborativeSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

const MESSAGE_AUTH = 2;

/** `ws(s)://<this origin>/yjs`: the endpoint shares the app's origin, so the session cookie goes along. */
const endpointUrl = (): string => {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${YJS_PATH_PREFIX.replace(/\/$/, "")}`;
};

/**
 * A Y.Doc synced with `/yjs/<documentName>`. The document starts empty and is filled by the server only: nothing is
 * ever seeded from here. `onReadOnly` is called when the server says this connection may only read (the y-websocket
 * "permission denied" message with our reason), which it does before the first sync.
 */
export const openCollaborativeSession = (documentName: string, onReadOnly: () => void): CollaborativeSession => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(endpointUrl(), encodeURIComponent(documentName), doc, {
    // Tabs of one browser also go through the server, which alone decides who may write.
    disableBc: true,
  });
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    readAuthMessage(decoder, doc, (_doc, reason) => {
      if (reason === YJS_READ_ONLY_REASON) onReadOnly();
    });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
};
