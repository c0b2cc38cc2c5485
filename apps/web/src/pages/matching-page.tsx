import { useTranslation } from "react-i18next";
import { MatchingQueue } from "../components/matching-queue.tsx";
import { RequireLedgerWriter } from "../components/require-ledger-writer.tsx";
import "../styles/ledger-screens.css";

/** The payments the matching rules left to a person, oldest first. */
export function MatchingPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("matching.title")}</h1>
      <RequireLedgerWriter message={t("matching.writersOnly")}>
        <MatchingQueue />
      </RequireLedgerWriter>
    </div>
  );
}
