import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isRetryable, isUnauthorized } from "./errors.ts";

type UnauthorizedHandler = (queryKey: readonly unknown[]) => void;
let unauthorizedHandler: UnauthorizedHandler = () => {};

/** Registered once by the session module: what to do when a query finds the session ended. */
export const onUnauthorizedQuery = (handler: UnauthorizedHandler): void => {
  unauthorizedHandler = handler;
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthorized(error)) unauthorizedHandler(query.queryKey);
    },
  }),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
