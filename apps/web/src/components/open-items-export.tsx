import { useState } from "react";
import { useTranslation } from "react-i18next";
import { todayLocalIso } from "../lib/local-date.ts";

/** A plain link to the CSV export: the browser downloads it with the session cookie, streamed by the server. */
export function OpenItemsExport() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayLocalIso);
  const href = `/api/exports/open-items.csv${asOf ? `?${new URLSearchParams({ asOf }).toString()}` : ""}`;
  return (
    <section aria-labelledby="open-items-export-title">
      <h2 id="open-items-export-title">{t("imports.export.title")}</h2>
      <p className="muted">{t("imports.export.intro")}</p>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="export-as-of">{t("imports.export.asOf")}</label>
          <input id="export-as-of" data-testid="export-as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <a className="button" href={href} download data-testid="export-open-items">
          {t("imports.export.link")}
        </a>
      </div>
    </section>
  );
}
