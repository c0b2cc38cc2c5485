import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv, downloadSvgAsPng, toCsv } from "../lib/chart-export.ts";
import { KpiFormulaTip } from "./kpi-formula-tip.tsx";

export interface ChartData {
  header: string[];
  /** Display rows (formatted, possibly links) for the data table. */
  rows: ReactNode[][];
  /** Spreadsheet rows (plain numbers) for the CSV. */
  csvRows: (string | number | null)[][];
}

/**
 * A chart with its title and formula, CSV and PNG export, and its data as a table (for keyboards and screen readers
 * as much as for reading exact figures).
 */
export function KpiChartFrame({ id, title, formula, data, children }: { id: string; title: string; formula: string; data: ChartData; children: ReactNode }) {
  const { t } = useTranslation();
  const chartRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const exportPng = () => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>("svg.recharts-surface");
    if (!svg) return setFailed(true);
    setFailed(false);
    downloadSvgAsPng(svg, `${id}.png`).catch(() => setFailed(true));
  };
  return (
    <figure className="card kpi-chart" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption className="kpi-chart-head">
        <h3 id={`${id}-title`}>
          {title} <KpiFormulaTip name={title} formula={formula} />
        </h3>
        <span className="kpi-chart-actions">
          <button type="button" className="button-secondary" data-testid={`export-csv-${id}`} aria-label={t("dashboard.export.csv", { chart: title })} onClick={() => downloadCsv(toCsv(data.header, data.csvRows), `${id}.csv`)}>
            CSV
          </button>
          <button type="button" className="button-secondary" data-testid={`export-png-${id}`} aria-label={t("dashboard.export.png", { chart: title })} onClick={exportPng}>
            PNG
          </button>
        </span>
      </figcaption>
      {failed && <p role="alert">{t("dashboard.export.failed")}</p>}
      <div ref={chartRef} className="kpi-chart-body" role="img" aria-label={title}>
        {children}
      </div>
      <details className="kpi-chart-data">
        <summary>{t("dashboard.export.showData")}</summary>
        <table data-testid={`data-${id}`}>
          <thead>
            <tr>
              {data.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
