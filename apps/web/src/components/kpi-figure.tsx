import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useChangeHighlight } from "../hooks/use-change-highlight.ts";
import { KpiFormulaTip } from "./kpi-formula-tip.tsx";

export interface KpiFigureProps {
  testId: string;
  label: string;
  formula: string;
  /** What is shown. */
  text: string;
  /** The raw value (minor units, days…): the highlight follows it, and tests read it. */
  value: number | null;
  detail?: ReactNode;
  /** The invoices behind the figure. */
  drillDown?: string;
}

/** One KPI: label with its formula, the value (a link to the invoices behind it), highlighted briefly when it changes. */
export function KpiFigure({ testId, label, formula, text, value, detail, drillDown }: KpiFigureProps) {
  const { t } = useTranslation();
  const changed = useChangeHighlight(value);
  return (
    <div className={changed ? "kpi-figure kpi-changed" : "kpi-figure"} data-testid={testId} data-value={value ?? ""} data-changed={changed}>
      <dt>
        {label} <KpiFormulaTip name={label} formula={formula} />
      </dt>
      <dd>
        {drillDown ? (
          <Link to={drillDown} className="kpi-value" title={t("dashboard.figures.drillDown")}>
            {text}
          </Link>
        ) : (
          <span className="kpi-value">{text}</span>
        )}
        {detail && <span className="kpi-detail">{detail}</span>}
        {changed && <span className="visually-hidden">{t("dashboard.updated")}</span>}
      </dd>
    </div>
  );
}
