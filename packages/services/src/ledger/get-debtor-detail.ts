import {
  findDebtorDetail,
  listDebtorContacts,
  listDebtorIbans,
  listDebtorOpenItems,
  listDebtorPayments,
  sumDebtorOpenByDueDate,
  withTenant,
  type DebtorContactRow,
  type DebtorDetailRow,
  type DebtorPaymentRow,
  type OpenByDueDateRow,
  type OpenItemListRow,
  type TenantTx,
} from "@relance/db";
import { CURRENCIES, notFound, OVERDUE_BUCKETS, type Currency, type OverdueBucket } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { calendarDate } from "../deps.ts";
import { requireCaseWriter } from "../cases/case-writers.ts";
import { overdueBucketOf } from "./aging-buckets.ts";
import { parseFieldsOrThrow } from "./invoice-filters.ts";

/** Open items shown on the debtor's page; the aging always covers all of them. */
export const DEBTOR_OPEN_ITEMS_LIMIT = 500;
export const DEBTOR_PAYMENTS_LIMIT = 20;

export interface AgingBucketTotal {
  bucket: OverdueBucket;
  totalMinor: number;
  itemCount: number;
}

export interface DebtorAging {
  currency: Currency;
  totalMinor: number;
  itemCount: number;
  /** Every bucket, in order, empty ones included. */
  buckets: AgingBucketTotal[];
}

export interface DebtorDetail {
  asOf: string;
  debtor: DebtorDetailRow;
  contacts: DebtorContactRow[];
  ibans: string[];
  openItems: OpenItemListRow[];
  /** All open items, of which `openItems` holds at most DEBTOR_OPEN_ITEMS_LIMIT. */
  openItemCount: number;
  payments: DebtorPaymentRow[];
  aging: DebtorAging[];
}

/** Open amounts per currency (in CURRENCIES order, those present) and overdue bucket, as of `asOf`. */
export const ageOpenAmounts = (rows: OpenByDueDateRow[], asOf: string): DebtorAging[] =>
  CURRENCIES.flatMap((currency) => {
    const ofCurrency = rows.filter((r) => r.currency === currency);
    if (ofCurrency.length === 0) return [];
    const buckets = OVERDUE_BUCKETS.map((bucket) => ({ bucket, totalMinor: 0, itemCount: 0 }));
    for (const row of ofCurrency) {
      const cell = buckets[OVERDUE_BUCKETS.indexOf(overdueBucketOf(row.dueDate, asOf))]!;
      cell.totalMinor += row.openMinor;
      cell.itemCount += row.itemCount;
    }
    const totalMinor = buckets.reduce((sum, b) => sum + b.totalMinor, 0);
    const itemCount = buckets.reduce((sum, b) => sum + b.itemCount, 0);
    return [{ currency, totalMinor, itemCount, buckets }];
  });

/**
 * The debtor, if the actor may see it: another tenant's debtor, and for a sales rep a debtor he does not own (he sees
 * only the cases he was brought into, from the case side), are answered NOT_FOUND alike.
 */
export const findVisibleDebtor = async (tx: TenantTx, actor: Actor, debtorId: string): Promise<DebtorDetailRow> => {
  const debtor = await findDebtorDetail(tx, debtorId);
  if (!debtor || (actor.role === "sales" && debtor.salesOwnerId !== actor.userId)) throw notFound("Debtor");
  return debtor;
};

/**
 * A change to a debtor, in one transaction: by whoever keeps the ledger (admin, credit manager, billing), on a debtor
 * he sees (refused as findVisibleDebtor refuses). The change is given the debtor as read before it.
 */
export const changeDebtor = <T>(
  deps: ServiceDeps,
  actor: Actor,
  debtorId: string,
  change: (tx: TenantTx, debtor: DebtorDetailRow) => Promise<T>,
): Promise<T> => {
  requireCaseWriter(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => change(tx, await findVisibleDebtor(tx, actor, debtorId)));
};

/**
 * A debtor's page: details and open case, contacts, accounts, open items with their aging, and recent payments.
 * Refused as findVisibleDebtor refuses.
 */
export const getDebtorDetail = async (deps: ServiceDeps, actor: Actor, id: string): Promise<DebtorDetail> => {
  const debtorId = parseFieldsOrThrow(z.uuid("Must be a valid id"), id, "debtorId");
  const asOf = calendarDate(deps.clock.now());
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const debtor = await findVisibleDebtor(tx, actor, debtorId);
    const contacts = await listDebtorContacts(tx, debtorId);
    const ibans = await listDebtorIbans(tx, debtorId);
    const openItems = await listDebtorOpenItems(tx, { debtorId, asOf, limit: DEBTOR_OPEN_ITEMS_LIMIT });
    const aging = ageOpenAmounts(await sumDebtorOpenByDueDate(tx, debtorId), asOf);
    const payments = await listDebtorPayments(tx, { debtorId, limit: DEBTOR_PAYMENTS_LIMIT });
    const openItemCount = aging.reduce((sum, a) => sum + a.itemCount, 0);
    return { asOf, debtor, contacts, ibans, openItems, openItemCount, payments, aging };
  });
};
