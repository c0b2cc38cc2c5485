import { canWatchDashboards, hasRole, LEDGER_WRITERS } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useMe } from "../hooks/use-me.ts";

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? "nav-link active" : "nav-link");

export function MainNav() {
  const { t } = useTranslation();
  const { role } = useMe();
  const ledgerWriter = hasRole(role, LEDGER_WRITERS);
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <NavLink to="/" end className={navClass} data-testid="nav-home">
        {t("nav.home")}
      </NavLink>
      {canWatchDashboards(role) && (
        <NavLink to="/dashboard" className={navClass} data-testid="nav-dashboard">
          {t("dashboard.navLabel")}
        </NavLink>
      )}
      <NavLink to="/debtors" className={navClass} data-testid="nav-debtors">
        {t("nav.debtors")}
      </NavLink>
      <NavLink to="/invoices" className={navClass} data-testid="nav-invoices">
        {t("nav.invoices")}
      </NavLink>
      <NavLink to="/cases" className={navClass} data-testid="nav-cases">
        {t("nav.cases")}
      </NavLink>
      <NavLink to="/worklist" className={navClass} data-testid="nav-worklist">
        {t("nav.worklist")}
      </NavLink>
      <NavLink to="/alerts" className={navClass} data-testid="nav-alerts">
        {t("alerts.navLabel")}
      </NavLink>
      {(ledgerWriter || role === "manager") && (
        <NavLink to="/outbox" className={navClass} data-testid="nav-outbox">
          {t("outbox.navLabel")}
        </NavLink>
      )}
      {ledgerWriter && (
        <NavLink to="/imports" className={navClass} data-testid="nav-imports">
          {t("imports.navLabel")}
        </NavLink>
      )}
      {ledgerWriter && (
        <NavLink to="/matching" className={navClass} data-testid="nav-matching">
          {t("matching.navLabel")}
        </NavLink>
      )}
      <NavLink to="/settings" className={navClass} data-testid="nav-settings">
        {t("nav.settings")}
      </NavLink>
    </nav>
  );
}
