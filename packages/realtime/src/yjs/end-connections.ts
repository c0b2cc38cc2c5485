import { YJS_CLOSE_ACCESS_REVOKED, YJS_CLOSE_SESSION_ENDED } from "@relance/domain";
import type { NodeEvent } from "../node-events.ts";
import type { YjsServer } from "./yjs-server.ts";

/**
 * Closes this node's notes connections an event ends: those of ended sessions, and those a person holds on the
 * documents of a case he lost access to. The close codes tell the editor to stop reconnecting and say why.
 */
export const endNotesConnections = (yjs: Pick<YjsServer, "closeConnections">, event: NodeEvent): number => {
  if (event.type === "sessions.ended") {
    const ended = new Set(event.sessionIds);
    return yjs.closeConnections((auth) => auth.sessionId !== undefined && ended.has(auth.sessionId), YJS_CLOSE_SESSION_ENDED, "session ended");
  }
  return yjs.closeConnections(
    (auth) => auth.orgId === event.orgId && auth.userId === event.userId && auth.caseId === event.caseId,
    YJS_CLOSE_ACCESS_REVOKED,
    "access revoked",
  );
};
