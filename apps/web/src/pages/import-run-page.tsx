import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ImportRunDetail } from "../components/import-run-detail.tsx";
import { RequireLedgerWriter } from "../components/require-ledger-writer.tsx";
import "../styles/ledger-screens.css";

/** One import: what it was, how it ended, and all its rejected rows. */
export function ImportRunPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <div className="page">
      <p>
        <Link to="/imports" data-testid="import-run-back">
          ← {t("imports.detail.back")}
        </Link>
      </p>
      <RequireLedgerWriter message={t("imports.writersOnly")}>
        <ImportRunDetail key={id} importId={id} />
      </RequireLedgerWriter>
    </div>
  );
}
