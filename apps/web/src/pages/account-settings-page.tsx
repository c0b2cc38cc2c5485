import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "../components/change-password-form.tsx";
import { LanguageSelect } from "../components/language-select.tsx";
import { SessionsTable } from "../components/sessions-table.tsx";

export function AccountSettingsPage() {
  return (
    <div className="settings-sections">
      <LanguageSection />
      <div className="card">
        <ChangePasswordForm />
      </div>
      <div className="card">
        <SessionsTable />
      </div>
    </div>
  );
}

function LanguageSection() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t("account.languageTitle")}</h2>
      <LanguageSelect testId="account-language-select" showLabel showStatus />
    </section>
  );
}
