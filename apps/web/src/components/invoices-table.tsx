import type { InvoiceSortKey, SortDirection } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { InvoiceRow } from "../lib/api-types.ts";
import { DaysPastDue } from "./days-past-due.tsx";
import { InvoiceStatusBadge } from "./invoice-status-badge.tsx";
import "../styles/disputes.css";
import { SortableHeader } from "./sortable-header.tsx";

export interface InvoicesTableProps {
  rows: InvoiceRow[];
  sort: { sort: InvoiceSortKey; direction: SortDirection };
  onSort: (key: InvoiceSortKey) => void;
  /** Rows of the previous filters or page, shown while the next ones load. */
  stale?: boolean;
}

export function InvoicesTable({ rows, sort, onSort, stale = false }: InvoicesTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const header = (key: InvoiceSortKey, label: string, numeric = false) => (
    <SortableHeader sortKey={key} label={label} current={sort} onSort={onSort} numeric={numeric} />
  );
  return (
    <div className="table-wrap">
      <table className="table" data-testid="invoices-table" aria-busy={stale || undefined}>
        <caption className="visually-hidden">{t("invoices.title")}</caption>
        <thead>
          <tr>
            {header("number", t("invoices.number"))}
            {header("debtorName", t("invoices.debtor"))}
            <th scope="col">{t("invoices.issueDate")}</th>
            {header("dueDate", t("invoices.dueDate"))}
            {header("daysPastDue", t("invoices.daysPastDue"), true)}
            <th scope="col">{t("invoices.status")}</th>
            <th scope="col" className="numeric">
              {t("invoices.amount")}
            </th>
            {header("openMinor", t("invoices.open"), true)}
          </tr>
        </thead>
        <tbody className={stale ? "stale" : undefined}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="empty" data-testid="invoices-empty">
                {t("invoices.empty")}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} data-testid="invoice-row" data-invoice-id={row.id}>
                <th scope="row" className="mono" data-testid="invoice-number">
                  {row.number}
                  {row.kind === "credit_note" && <span className="badge">{t("ledger.kinds.credit_note")}</span>}
                  {row.externalId !== row.number && <span className="subtle-line">{row.externalId}</span>}
                </th>
                <td>
                  <Link to={`/debtors/${row.debtorId}`}>{row.debtorName}</Link>
                </td>
                <td>{format.calendarDate(row.issueDate)}</td>
                <td>{format.calendarDate(row.dueDate)}</td>
                <td className="numeric">
                  <DaysPastDue days={row.daysPastDue} />
                </td>
                <td>
                  <InvoiceStatusBadge status={row.status} />
                  {row.disputed && <> <span className="badge invoice-disputed" data-testid="invoice-disputed">{t("disputes.disputed")}</span></>}
                </td>
                <td className="numeric">{format.money(row.amountMinor, row.currency)}</td>
                <td className="numeric" data-testid="invoice-open">
                  {format.money(row.openMinor, row.currency)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
