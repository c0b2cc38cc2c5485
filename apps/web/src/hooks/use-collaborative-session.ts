import { useEffect, useState } from "react";
import { type CollaborationStatus, type CollaborativeSession, endedStatusOf, openCollaborativeSession } from "../lib/collaborative-session.ts";

export interface CollaborativeSessionState {
  /** Null until the effect opened it (and again after the document name changed). */
  session: CollaborativeSession | null;
  status: CollaborationStatus;
  /** The server said this user may only read; the editor must not let them type. */
  readOnly: boolean;
}

/** Opens the document's session for as long as the component is mounted (StrictMode-safe: opened in the effect). */
export const useCollaborativeSession = (documentName: string): CollaborativeSessionState => {
  const [state, setState] = useState<CollaborativeSessionState>({ session: null, status: "connecting", readOnly: false });

  useEffect(() => {
    const session = openCollaborativeSession(documentName, () => setState((s) => ({ ...s, readOnly: true })));
    const { provider } = session;
    // Set when the server closed the connection for good (the provider stops reconnecting on its 44xx codes).
    let ended: CollaborationStatus | null = null;
    const statusOf = (): CollaborationStatus => ended ?? (provider.synced ? "live" : provider.wsconnected ? "syncing" : "connecting");
    const refresh = () => setState((s) => ({ ...s, status: statusOf() }));
    const onClosed = ({ code }: { code: number }) => {
      ended = endedStatusOf(code);
      refresh();
    };
    provider.on("status", refresh);
    provider.on("sync", refresh);
    provider.on("closed", onClosed);
    setState({ session, status: statusOf(), readOnly: false });
    return () => {
      provider.off("status", refresh);
      provider.off("sync", refresh);
      provider.off("closed", onClosed);
      session.destroy();
    };
  }, [documentName]);

  return state;
};
