import { useTranslation } from "react-i18next";
import { useMe } from "../hooks/use-me.ts";
import { LanguageSelect } from "./language-select.tsx";
import { OrganizationSwitch } from "./organization-switch.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

/** Who is signed in, with what role; the language switch and sign-out, always at hand. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <section className="user-menu" aria-label={t("userMenu.label")} data-testid="user-menu">
      <div className="user-identity" title={me.user.email}>
        <span className="visually-hidden">{t("userMenu.signedInAs")} </span>
        <span className="user-name" data-testid="user-name">
          {me.user.displayName}
        </span>
        <span className="user-role" data-testid="user-role">
          {t(`roles.${me.role}`)}
        </span>
      </div>
      <OrganizationSwitch />
      <LanguageSelect />
      <SignOutButton />
    </section>
  );
}
