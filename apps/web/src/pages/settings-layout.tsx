import { hasRole, MEMBER_ADMINS } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { useMe } from "../hooks/use-me.ts";

const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? "tab active" : "tab");

export function SettingsLayout() {
  const { t } = useTranslation();
  const { role } = useMe();
  return (
    <div className="page">
      <h1>{t("settings.title")}</h1>
      <nav className="tabs" aria-label={t("settings.nav")}>
        <NavLink to="/settings/account" className={tabClass} data-testid="nav-settings-account">
          {t("settings.account")}
        </NavLink>
        {hasRole(role, MEMBER_ADMINS) && (
          <>
            <NavLink to="/settings/members" className={tabClass} data-testid="nav-settings-members">
              {t("settings.members")}
            </NavLink>
            <NavLink to="/settings/organization" className={tabClass} data-testid="nav-settings-organization">
              {t("settings.organization")}
            </NavLink>
            <NavLink to="/settings/collection" className={tabClass} data-testid="nav-settings-collection">
              {t("collectionSettings.tab")}
            </NavLink>
          </>
        )}
      </nav>
      <Outlet />
    </div>
  );
}
