import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** After a change to a debtor (owner, limit, contacts): its page, its history and the debtors list show the new state. */
export const useDebtorChanged = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.debtors.pathKey() });
};
