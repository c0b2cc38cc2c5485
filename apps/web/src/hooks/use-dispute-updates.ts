import type { DisputeChanged } from "@relance/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

/**
 * Refetches the case's disputes, invoices and timeline when someone else changes one of its disputes. The socket is
 * in the case's room while the page shows presence (joined by `useCasePresence`).
 */
export const useDisputeUpdates = (caseId: string): void => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onChanged = (change: DisputeChanged) => {
      if (change.caseId !== caseId) return;
      void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    };
    socket.on("dispute:changed", onChanged);
    return () => {
      socket.off("dispute:changed", onChanged);
    };
  }, [caseId, queryClient, trpc]);
};
