import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { MeContext } from "../hooks/use-me.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";
import { LocaleSync } from "./locale-sync.tsx";

/** Lets signed-in visitors through (and tells the tree who they are); sends the others to the sign-in page. */
export function RequireAuth() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 5 * 60_000 });

  if (me.isPending) {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorMessage error={me.error} />
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {t("app.retry")}
        </button>
      </div>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <MeContext value={me.data}>
      <LocaleSync />
      <Outlet />
    </MeContext>
  );
}
