import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { endExpiredSession } from "../lib/session.ts";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

export type LiveStatus = "connecting" | "live" | "offline";

/** What a screen shows of the ledger, refetched when it moves: the KPIs, or the payments (the matching queue). */
export type LedgerView = "kpi" | "payments";

/**
 * Watches the tenant's ledger on the shared socket (the dashboard room, joined again after every reconnection): each
 * `kpi:changed` (an import, a match, an allocation, a promise… by anyone, on any node) makes the view's queries
 * refetch with their own filters. Returns the connection status and when figures last moved.
 */
export const useLedgerLive = (view: LedgerView): { status: LiveStatus; lastChange: string | null } => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [lastChange, setLastChange] = useState<string | null>(null);

  useEffect(() => {
    const socket = getSocket();
    let active = true;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: view === "kpi" ? trpc.kpi.pathKey() : trpc.payments.pathKey() });
    const watch = () => {
      socket.emit("dashboard:watch", {}, (result) => {
        if (!active) return;
        if (result.ok) {
          setStatus("live");
          // changes may have happened while disconnected
          refetch();
        } else if (result.error.code === "UNAUTHORIZED") endExpiredSession();
        else setStatus("offline");
      });
    };
    const onChanged = (change: { changedAt: string }) => {
      setLastChange(change.changedAt);
      refetch();
    };
    const onConnectError = () => setStatus("offline");
    const onDisconnect = (reason: string) => setStatus(reason === "io server disconnect" ? "offline" : "connecting");

    socket.on("connect", watch);
    socket.on("kpi:changed", onChanged);
    socket.on("connect_error", onConnectError);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) watch();
    else if (!socket.active) socket.connect();

    return () => {
      active = false;
      socket.off("connect", watch);
      socket.off("kpi:changed", onChanged);
      socket.off("connect_error", onConnectError);
      socket.off("disconnect", onDisconnect);
      if (socket.connected) socket.emit("dashboard:unwatch", {}, () => {});
    };
  }, [queryClient, trpc, view]);

  return { status, lastChange };
};
