/**
 * The vocabulary of the ledger's list screens (invoices, debtors), shared by the database queries, the API schemas
 * and the web app's filter controls.
 */

/**
 * Derived from the amounts, never stored: a credit note is `credited` once used up and `open` until then; an invoice
 * is `written_off` when closed by a write-off, `paid` when closed otherwise, `partially_paid` while some remains.
 */
export const INVOICE_STATUSES = ["open", "partially_paid", "paid", "credited", "written_off"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The statuses of items still open (open amount ≠ 0): the invoice list shows these unless told otherwise. */
export const OPEN_ITEM_STATUSES: readonly InvoiceStatus[] = ["open", "partially_paid"];

/** Aging buckets of open items by days past due, in order; they mirror the default aging buckets of the ledger. */
export const OVERDUE_BUCKETS = ["not_due", "1_30", "31_60", "61_90", "over_90"] as const;
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];

export const INVOICE_SORT_KEYS = ["dueDate", "openMinor", "daysPastDue", "debtorName", "number"] as const;
export type InvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DEBTOR_SORT_KEYS = ["name", "externalId", "openDesc", "overdueDesc"] as const;
export type DebtorSortKey = (typeof DEBTOR_SORT_KEYS)[number];

export const SAVED_VIEW_PAGES = ["invoices"] as const;
export type SavedViewPage = (typeof SAVED_VIEW_PAGES)[number];
