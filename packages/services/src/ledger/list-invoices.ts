import { countInvoices, listInvoices, withTenant, type InvoiceListFilter, type InvoiceListRow } from "@relance/db";
import { addDays } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { calendarDate } from "../deps.ts";
import { dueRangeOfBucket } from "./aging-buckets.ts";
import { invoiceViewFiltersSchema, parseFieldsOrThrow, type InvoiceViewFiltersInput } from "./invoice-filters.ts";

export const MAX_INVOICE_PAGE_SIZE = 200;

export interface InvoicePage {
  total: number;
  /** The date days past due and buckets are counted to. */
  asOf: string;
  rows: InvoiceListRow[];
}

/**
 * One page of the invoice list. A sales rep sees only the invoices of the debtors he owns; a filter on another
 * owner's debtors simply finds nothing.
 */
export const listInvoicesPage = async (
  deps: ServiceDeps,
  actor: Actor,
  input: InvoiceViewFiltersInput & { page?: number; pageSize?: number },
): Promise<InvoicePage> => {
  const f = parseFieldsOrThrow(invoiceViewFiltersSchema, input, "");
  const page = Math.max(0, Math.trunc(input.page ?? 0));
  const pageSize = Math.min(MAX_INVOICE_PAGE_SIZE, Math.max(1, Math.trunc(input.pageSize ?? 50)));
  const asOf = calendarDate(deps.clock.now());
  const filter: InvoiceListFilter = {
    statuses: f.statuses,
    // a bucket is a due range; "overdue" is every due date before today (with a bucket, the bucket's own range)
    dueRange: f.bucket ? dueRangeOfBucket(f.bucket, asOf) : f.overdue ? { from: null, to: addDays(asOf, -1) } : null,
    currency: f.currency,
    minOpenMinor: f.minOpenMinor,
    maxOpenMinor: f.maxOpenMinor,
    debtorId: f.debtorId,
    salesOwnerId: f.ownerId,
    ownerId: actor.role === "sales" ? actor.userId : null,
    search: f.search,
    segment: f.segment,
    jurisdiction: f.jurisdiction,
  };
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const total = await countInvoices(tx, filter);
    const rows = await listInvoices(tx, { ...filter, asOf, sort: f.sort, direction: f.direction, limit: pageSize, offset: page * pageSize });
    return { total, asOf, rows };
  });
};
