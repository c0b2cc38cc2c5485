import { hashKey } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { onUnauthorizedQuery, queryClient } from "./query-client.ts";
import { resetSocket } from "./socket.ts";
import { trpcOptions } from "./trpc.ts";

export type Me = NonNullable<inferOutput<typeof trpcOptions.auth.me>>;

/** Set when a query found the session ended (not on a deliberate sign-out): the sign-in page then says why. */
let sessionEnded = false;
export const wasSessionEnded = (): boolean => sessionEnded;

const meKey = () => trpcOptions.auth.me.queryKey();
const isMeKey = (queryKey: readonly unknown[]): boolean => hashKey(queryKey) === hashKey(meKey());

/**
 * Forgets everything the previous session loaded and marks the visitor signed out; the route guard then shows the
 * sign-in page. Used after sign-out, after ending the current session, and when a query says the session ended.
 */
export const clearSession = (): void => {
  resetSocket();
  void queryClient.cancelQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  queryClient.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  queryClient.setQueryData(meKey(), null);
};

/**
 * A new session cookie was set (sign-in, accepted invitation): drop what the previous visitor loaded, reconnect
 * the socket with the new cookie, and load who is signed in now.
 */
export const startSession = async (): Promise<Me | null> => {
  sessionEnded = false;
  resetSocket();
  queryClient.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  return queryClient.fetchQuery({ ...trpcOptions.auth.me.queryOptions(), staleTime: 0 });
};

export const updateMe = (update: (me: Me) => Me): void => {
  queryClient.setQueryData(meKey(), (current) => (current ? update(current) : current));
};

/** A query or a socket event answered UNAUTHORIZED: the session was ended elsewhere, or expired. */
export const endExpiredSession = (): void => {
  sessionEnded = true;
  clearSession();
};

onUnauthorizedQuery((queryKey) => {
  if (!isMeKey(queryKey)) endExpiredSession();
});
