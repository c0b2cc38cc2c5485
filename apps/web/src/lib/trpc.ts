import type { AppRouter } from "@relance/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { queryClient } from "./query-client.ts";

/** Hooks for components: `const trpc = useTRPC(); useQuery(trpc.receivables.summary.queryOptions())`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Same origin: the session cookie (HttpOnly) goes with every request by itself. */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc" })],
});

/** The same typed options, for code that runs outside components (cache handlers, session reset). */
export const trpcOptions = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
