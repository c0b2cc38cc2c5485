import { streamInvoicesForExport, withTenant, type ExportedInvoiceRow } from "@relance/db";
import { formatDecimal } from "@relance/domain";
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

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Late days for the accounting file: open invoices only, never negative before the due date. */
const lateDays = (row: ExportedInvoiceRow): number => (row.openMinor > 0 ? Math.max(0, row.daysPastDue ?? 0) : 0);

export const formatExportRow = (row: ExportedInvoiceRow): string =>
  [
    row.invoiceExternalId,
    row.number,
    row.debtorExternalId,
    row.debtorName,
    row.kind,
    row.issueDate,
    row.dueDate,
    row.currency,
    formatDecimal(row.amountMinor),
    formatDecimal(row.openMinor),
    formatDecimal(row.paidInRelanceMinor),
    formatDecimal(row.writtenOffMinor),
    row.status,
    String(lateDays(row)),
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
    streamInvoicesForExport(tx, asOf, async (rows) => {
      count += rows.length;
      await write(`${rows.map(formatExportRow).join("\n")}\n`);
    }),
  );
  return count;
};
