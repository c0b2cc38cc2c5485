import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useMe } from "../hooks/use-me.ts";
import { MainNav } from "./main-nav.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { UserMenu } from "./user-menu.tsx";

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="app-shell" data-testid="app-shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="top-bar">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t("app.name")}
          </Link>
          <span className="tenant-name" data-testid="tenant-name" title={me.org.slug}>
            {me.org.name}
          </span>
        </div>
        <MainNav />
        <NotificationBell />
        <UserMenu />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
