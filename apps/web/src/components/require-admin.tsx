import { hasRole, MEMBER_ADMINS } from "@relance/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../hooks/use-me.ts";

/** Member management is for admins; the server enforces it, this only spares the others a useless page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useMe();
  if (!hasRole(role, MEMBER_ADMINS)) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message">
        <p>{t("members.adminOnly")}</p>
      </div>
    );
  }
  return children;
}
