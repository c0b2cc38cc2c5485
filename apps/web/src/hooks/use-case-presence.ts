import type { PresenceMember } from "@relance/domain";
import { useEffect, useState } from "react";
import { endExpiredSession } from "../lib/session.ts";
import { getSocket } from "../lib/socket.ts";

export type PresenceStatus = "connecting" | "live" | "unavailable";

export interface CasePresence {
  status: PresenceStatus;
  members: PresenceMember[];
}

/**
 * Joins the case's presence room on the shared socket (again after every reconnection), keeps the member list from
 * the join's answer and from `presence:update`, and leaves on unmount. `caseId` null: not joined.
 */
export const useCasePresence = (caseId: string | null): CasePresence => {
  const [state, setState] = useState<CasePresence>({ status: "connecting", members: [] });

  useEffect(() => {
    if (!caseId) return;
    const socket = getSocket();
    let active = true;
    setState({ status: socket.connected ? "live" : "connecting", members: [] });

    const join = () => {
      socket.emit("presence:join", { caseId }, (result) => {
        if (!active) return;
        if (result.ok) setState({ status: "live", members: result.data.members });
        // the session ended since the socket connected: same as a query answering UNAUTHORIZED
        else if (result.error.code === "UNAUTHORIZED") endExpiredSession();
        else setState({ status: "unavailable", members: [] });
      });
    };
    const onUpdate = (update: { caseId: string; members: PresenceMember[] }) => {
      if (update.caseId === caseId) setState({ status: "live", members: update.members });
    };
    const onConnectError = () => setState((s) => ({ ...s, status: "unavailable" }));
    // the server hung up on purpose (session ended): no automatic reconnection follows
    const onDisconnect = (reason: string) =>
      setState((s) => ({ ...s, status: reason === "io server disconnect" ? "unavailable" : "connecting" }));

    socket.on("connect", join);
    socket.on("presence:update", onUpdate);
    socket.on("connect_error", onConnectError);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) join();
    else if (!socket.active) socket.connect();

    return () => {
      active = false;
      socket.off("connect", join);
      socket.off("presence:update", onUpdate);
      socket.off("connect_error", onConnectError);
      socket.off("disconnect", onDisconnect);
      if (socket.connected) socket.emit("presence:leave", { caseId }, () => {});
    };
  }, [caseId]);

  return state;
};
