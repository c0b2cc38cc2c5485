import type { Role } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { CollectorActivity } from "../lib/kpi-api-types.ts";
import { KpiFormulaTip } from "./kpi-formula-tip.tsx";

/** The per-collector view: what each member did over the period. */
export function CollectorActivityTable({ rows }: { rows: CollectorActivity[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const title = t("dashboard.collectors.title");
  return (
    <section className="card" aria-labelledby="kpi-collectors-title" data-testid="kpi-collectors">
      <h2 id="kpi-collectors-title">
        {title} <KpiFormulaTip name={title} formula={t("dashboard.formulas.collectors")} />
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.collectors.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.collectors.member")}</th>
                <th scope="col">{t("dashboard.collectors.role")}</th>
                <th scope="col" className="numeric">{t("dashboard.collectors.actions")}</th>
                <th scope="col" className="numeric">{t("dashboard.collectors.calls")}</th>
                <th scope="col" className="numeric">{t("dashboard.collectors.promises")}</th>
                <th scope="col" className="numeric">{t("dashboard.collectors.collected")}</th>
                <th scope="col" className="numeric">{t("dashboard.collectors.casesClosed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.userId}-${r.currency ?? ""}`} data-testid="collector-row">
                  <th scope="row">{r.displayName}</th>
                  <td>{t(`roles.${r.role as Role}`)}</td>
                  <td className="numeric">{format.integer(r.actions)}</td>
                  <td className="numeric">{format.integer(r.calls)}</td>
                  <td className="numeric">{format.integer(r.promises)}</td>
                  <td className="numeric">{r.currency ? format.money(r.collectedMinor, r.currency) : t("dashboard.figures.none")}</td>
                  <td className="numeric">{format.integer(r.casesClosed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
