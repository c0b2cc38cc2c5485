import { streamInvoicesForExport, withTenant, type ExportedInvoiceRow } from "@relance/db";
import type { ServiceDeps } from "../deps.ts";

/** Column names of the open-items export, documented in the README. */
export const EXPORT_COLUMNS = [
  "invoice_external_id",
  "invoice_number",
  "debtor_external_id",
  "debtor_name",
  "document_type",
  "issue_date",
  "due_date",
  "currency",
  "amount",
  "open_amount",
  "paid_in_relance",
  "written_off",
  "status",
  "days_past_due",
  "payment_reference",
] as const;

const decimal = (minor: number): string => {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The outcome of one invoice as of a date, in the same words as the invoices screen. */
export const exportStatus = (row: Pick<ExportedInvoiceRow, "kind" | "amountMinor" | "openMinor" | "writtenOffMinor">): string => {
  if (row.kind === "credit_note") return row.openMinor === 0 ? "credited" : "open";
  if (row.openMinor === 0) return row.writtenOffMinor > 0 ? "written_off" : "paid";
  return row.openMinor < row.amountMinor ? "partially_paid" : "open";
};

export const formatExportRow = (row: ExportedInvoiceRow, asOf: string): string =>
  [
    row.invoiceExternalId,
    row.number,
    row.debtorExternalId,
    row.debtorName,
    row.kind,
    row.issueDate,
    row.dueDate,
    row.currency,
    decimal(row.amountMinor),
    decimal(row.openMinor),
    decimal(row.paidInRelanceMinor),
    decimal(row.writtenOffMinor),
    exportStatus(row),
    String(row.openMinor > 0 ? Math.max(0, daysBetween(row.dueDate, asOf)) : 0),
    row.paymentReference ?? "",
  ]
    .map(csvCell)
    .join(",");

/** Writes the CSV (header first) page by page through `write`, which may wait (backpressure). */
export const exportOpenItems = async (
  deps: ServiceDeps,
  orgId: string,
  asOf: string,
  write: (chunk: string) => Promise<void> | void,
): Promise<number> => {
  let count = 0;
  await write(`${EXPORT_COLUMNS.join(",")}\n`);
  await withTenant(deps.db.sql, orgId, (tx) =>
    streamInvoicesForExport(tx, async (rows) => {
      count += rows.length;
      await write(`${rows.map((row) => formatExportRow(row, asOf)).join("\n")}\n`);
    }),
  );
  return count;
};
