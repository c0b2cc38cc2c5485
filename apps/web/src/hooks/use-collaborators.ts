import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

/** The other people in the document now, from awareness (one entry per open editor, so a user with two tabs twice). */
export const useCollaborators = (provider: WebsocketProvider): Collaborator[] => {
  const [others, setOthers] = useState<Collaborator[]>([]);
  useEffect(() => {
    const { awareness } = provider;
    const refresh = () => {
      const list: Collaborator[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (clientId === awareness.clientID || typeof user?.name !== "string") continue;
        list.push({ clientId, name: user.name, color: typeof user.color === "string" ? user.color : "#526070" });
      }
      setOthers(list);
    };
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [provider]);
  return others;
};
