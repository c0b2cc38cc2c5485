import { useTranslation } from "react-i18next";
import { ImportWizard } from "../components/import-wizard.tsx";
import { ImportsHistory } from "../components/imports-history.tsx";
import { OpenItemsExport } from "../components/open-items-export.tsx";
import { RequireLedgerWriter } from "../components/require-ledger-writer.tsx";
import "../styles/ledger-screens.css";

export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("imports.title")}</h1>
      </div>
      <RequireLedgerWriter message={t("imports.writersOnly")}>
        <p className="muted">{t("imports.intro")}</p>
        <ImportWizard />
        <div className="card">
          <ImportsHistory />
        </div>
        <div className="card">
          <OpenItemsExport />
        </div>
      </RequireLedgerWriter>
    </div>
  );
}
