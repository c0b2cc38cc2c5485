import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? "nav-link active" : "nav-link");

export function MainNav() {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <NavLink to="/" end className={navClass} data-testid="nav-home">
        {t("nav.home")}
      </NavLink>
      <NavLink to="/debtors" className={navClass} data-testid="nav-debtors">
        {t("nav.debtors")}
      </NavLink>
      <NavLink to="/cases" className={navClass} data-testid="nav-cases">
        {t("nav.cases")}
      </NavLink>
      <NavLink to="/settings" className={navClass} data-testid="nav-settings">
        {t("nav.settings")}
      </NavLink>
    </nav>
  );
}
