import { streamInvoicesForExport, withTenant, type ExportedInvoiceRow } from "@relance/db";
import { formatDecimal } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { ensureDefaultRateTables, loadRateTables } from "../collection/dunning-policies.ts";
import { createPenaltyCalculator } from "../collection/planning-penalties.ts";

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
  "late_interest",
  "recovery_indemnity",
] as const;

/** Late penalties of one invoice as of the export date; empty cells when none can be computed (no rate in force). */
export type PenaltiesOf = (row: ExportedInvoiceRow) => { interestMinor: number; indemnityMinor: number } | null;

const noPenalties: PenaltiesOf = () => null;

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Late days for the accounting file: open invoices only, never negative before the due date. */
const lateDays = (row: ExportedInvoiceRow): number => (row.openMinor > 0 ? Math.max(0, row.daysPastDue ?? 0) : 0);

export const formatExportRow = (row: ExportedInvoiceRow, penaltiesOf: PenaltiesOf = noPenalties): string => {
  const penalties = penaltiesOf(row);
  return [
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
    penalties === null ? "" : formatDecimal(penalties.interestMinor),
    penalties === null ? "" : formatDecimal(penalties.indemnityMinor),
  ]
    .map(csvCell)
    .join(",");
};

/**
 * The late interest and the flat indemnity an open invoice carries on the export date, computed as the dunning
 * engine does (FR B2B: ECB + 10 points and €40; FR B2C and CH: their own rules); credit notes and settled items
 * carry none.
 */
const penaltyCalculatorFor = (tables: Awaited<ReturnType<typeof loadRateTables>>, asOf: string): PenaltiesOf => {
  const calculate = createPenaltyCalculator(tables, asOf);
  return (row) => {
    if (row.kind !== "invoice" || row.openMinor <= 0 || row.dueDate >= asOf) return { interestMinor: 0, indemnityMinor: 0 };
    try {
      return calculate({ jurisdiction: row.jurisdiction, segment: row.segment, currency: row.currency === "CHF" ? "CHF" : "EUR", dueDate: row.dueDate, openMinor: row.openMinor });
    } catch {
      return null;
    }
  };
};

/** Writes the CSV (header first) page by page through `write`, which may wait (backpressure). */
export const exportOpenItems = async (
  deps: ServiceDeps,
  orgId: string,
  asOf: string,
  write: (chunk: string) => Promise<void> | void,
): Promise<number> => {
  let count = 0;
  await ensureDefaultRateTables(deps, orgId);
  await write(`${EXPORT_COLUMNS.join(",")}\n`);
  await withTenant(deps.db.sql, orgId, async (tx) => {
    const penaltiesOf = penaltyCalculatorFor(await loadRateTables(tx), asOf);
    await streamInvoicesForExport(tx, asOf, async (rows) => {
      count += rows.length;
      await write(`${rows.map((row) => formatExportRow(row, penaltiesOf)).join("\n")}\n`);
    });
  });
  return count;
};
