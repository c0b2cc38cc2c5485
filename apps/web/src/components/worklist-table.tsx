import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { isCaseStage, type WorklistRow } from "../lib/case-api-types.ts";

export interface WorklistTableProps {
  rows: WorklistRow[];
  current: number;
  selected: ReadonlySet<string>;
  onPick: (index: number) => void;
  onToggle: (row: WorklistRow) => void;
  onOpen: (row: WorklistRow) => void;
  /** Buttons for a row (send now, preview), in a last column. */
  rowActions?: (row: WorklistRow) => ReactNode;
}

/** The day's work; the current row is marked (aria-selected) and holds the focus, so the keys act on it. */
export function WorklistTable({ rows, current, selected, onPick, onToggle, onOpen, rowActions }: WorklistTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const body = useRef<HTMLTableSectionElement>(null);
  // the focus follows the current row, unless the reader is typing in a field or a dialog is open
  useEffect(() => {
    const active = document.activeElement;
    const row = body.current?.rows[current];
    const typing = active instanceof HTMLElement && ["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName);
    if (row && !typing && !document.querySelector("dialog[open]")) row.focus();
  }, [current, rows]);
  return (
    <div className="table-wrap">
      <table className="table" data-testid="worklist" aria-describedby="worklist-keys">
        <caption className="visually-hidden">{t("worklist.caption")}</caption>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t("worklist.select", { name: "" })}</span></th>
            <th scope="col">{t("worklist.debtor")}</th>
            <th scope="col">{t("worklist.stage")}</th>
            <th scope="col">{t("worklist.channel")}</th>
            <th scope="col">{t("worklist.level")}</th>
            <th scope="col" className="numeric">{t("worklist.invoices")}</th>
            <th scope="col" className="numeric">{t("worklist.atRisk")}</th>
            <th scope="col">{t("worklist.oldestDue")}</th>
            <th scope="col">{t("worklist.promise")}</th>
            {rowActions && <th scope="col">{t("sendNow.actions")}</th>}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, index) => (
            <tr
              key={`${row.kind}-${row.id}`}
              className="worklist-row"
              data-testid="worklist-row"
              data-kind={row.kind}
              aria-selected={index === current}
              tabIndex={index === current ? 0 : -1}
              onClick={() => onPick(index)}
              onDoubleClick={() => onOpen(row)}
            >
              <td>
                <input
                  type="checkbox"
                  checked={selected.has(row.id)}
                  disabled={row.kind !== "action"}
                  aria-label={t("worklist.select", { name: row.debtorName })}
                  onChange={() => onToggle(row)}
                  data-testid="worklist-select"
                />
              </td>
              <th scope="row">
                <a href={`/cases/${row.caseId}`} onClick={(e) => { e.preventDefault(); onOpen(row); }} tabIndex={-1}>
                  {row.debtorName}
                </a>
              </th>
              <td>{isCaseStage(row.stage) ? t(`caseWork.stages.${row.stage}`) : row.stage}</td>
              <td>{t(`worklist.channels.${row.channel ?? "case"}`)}</td>
              <td>{row.level ?? ""}</td>
              <td className="numeric">{format.integer(row.invoiceCount)}</td>
              <td className="numeric">{row.currency ? format.money(row.amountAtRiskMinor, row.currency) : ""}</td>
              <td>{row.oldestDueDate ? format.calendarDate(row.oldestDueDate) : ""}</td>
              <td>{row.promisePending ? <span className="badge" data-testid="worklist-promise">{t("worklist.promisePending")}</span> : ""}</td>
              {rowActions && <td className="worklist-row-actions">{rowActions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
