import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

/** Refetches the member's alerts when the server pushes a new one (`alert:new` to his own room). */
export const useLiveAlerts = (onAlert?: () => void): void => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
      onAlert?.();
    };
    socket.on("alert:new", refresh);
    return () => {
      socket.off("alert:new", refresh);
    };
  }, [queryClient, trpc, onAlert]);
};
