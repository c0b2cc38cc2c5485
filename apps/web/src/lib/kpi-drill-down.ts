import { OVERDUE_BUCKETS, type OverdueBucket } from "@relance/domain";
import { DEFAULT_INVOICE_VIEW, writeInvoiceView } from "./invoice-view-params.ts";
import type { InvoiceView } from "./api-types.ts";

/** What a dashboard figure stands for, to open the invoices behind it. */
export interface KpiDrillDown {
  currency: string | null;
  /** A member id, "none" (no owner) or null (any owner). */
  ownerId: string | null;
  segment?: "b2b" | "b2c" | null;
  jurisdiction?: "FR" | "CH" | null;
  /** An aging bucket key ("1-30", "over-90"…), or "overdue", or null for every open item. */
  slice: string | null;
}

const bucketOf = (key: string): OverdueBucket | null => {
  const candidate = key.replaceAll("-", "_");
  return (OVERDUE_BUCKETS as readonly string[]).includes(candidate) ? (candidate as OverdueBucket) : null;
};

/**
 * The invoices screen's URL showing the open items behind a figure, with the dashboard's owner, segment,
 * jurisdiction and currency. The invoice filters know the default aging buckets: a tenant's own buckets and "no
 * owner" fall back to the wider list, ordered so that the items concerned come first.
 */
export const invoicesUrlFor = (d: KpiDrillDown): string => {
  const view: InvoiceView = {
    ...DEFAULT_INVOICE_VIEW,
    currency: d.currency === "EUR" || d.currency === "CHF" ? d.currency : null,
    ownerId: d.ownerId && d.ownerId !== "none" ? d.ownerId : null,
    segment: d.segment ?? null,
    jurisdiction: d.jurisdiction ?? null,
  };
  if (d.slice === "overdue") {
    view.overdue = true;
    view.sort = "daysPastDue";
    view.direction = "desc";
  } else if (d.slice !== null) {
    const bucket = bucketOf(d.slice);
    if (bucket) view.bucket = bucket;
    else {
      view.sort = "daysPastDue";
      view.direction = "desc";
    }
  }
  const query = writeInvoiceView(view).toString();
  return query ? `/invoices?${query}` : "/invoices";
};
