import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** After a change to a case: its page, its timeline and the worklist show the new state. */
export const useCaseMutationDone = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.worklist.pathKey() });
  };
};
