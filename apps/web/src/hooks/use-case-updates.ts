import type { CaseChanged, DisputeChanged } from "@relance/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

/**
 * Refetches what the case page shows (its disputes, invoices and timeline) when someone else changes the case: a
 * call, a note, a stage, a promise, a debtor's reply, a dispute. The socket is in the case's room while the page
 * shows presence (joined by `useCasePresence`).
 */
export const useCaseUpdates = (caseId: string): void => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onChanged = (change: CaseChanged | DisputeChanged) => {
      if (change.caseId !== caseId) return;
      void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    };
    socket.on("dispute:changed", onChanged);
    socket.on("case:changed", onChanged);
    return () => {
      socket.off("dispute:changed", onChanged);
      socket.off("case:changed", onChanged);
    };
  }, [caseId, queryClient, trpc]);
};
