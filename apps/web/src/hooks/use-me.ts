import { createContext, useContext } from "react";
import type { Me } from "../lib/session.ts";

/** Who is signed in; provided by the route guard for everything inside the app shell. */
export const MeContext = createContext<Me | null>(null);

export const useOptionalMe = (): Me | null => useContext(MeContext);

export const useMe = (): Me => {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() is only available inside the signed-in app shell");
  return me;
};
