import type { MentionNotification } from "@relance/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

/** The bell's unread mentions: loaded over tRPC, refreshed the moment one arrives on the socket (from any node). */
export const useMentionNotifications = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.notifications.unread.queryKey();
  const unread = useQuery(trpc.notifications.unread.queryOptions(undefined, { refetchOnWindowFocus: true }));

  useEffect(() => {
    const socket = getSocket();
    const onNew = (n: MentionNotification) => {
      queryClient.setQueryData(queryKey, (old) => (old && !old.items.some((x) => x.id === n.id) ? { unread: old.unread + 1, items: [n, ...old.items] } : old));
      void queryClient.invalidateQueries({ queryKey });
    };
    // after a reconnection, what arrived meanwhile is in the database
    const onConnect = () => void queryClient.invalidateQueries({ queryKey });
    socket.on("notification:new", onNew);
    socket.on("connect", onConnect);
    if (!socket.active) socket.connect();
    return () => {
      socket.off("notification:new", onNew);
      socket.off("connect", onConnect);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the same for the session
  }, [queryClient]);

  return unread;
};
