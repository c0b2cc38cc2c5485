import { CURRENCIES, INVOICE_STATUSES } from "@relance/domain";
import { z } from "zod";

/** Output shapes shared by the ledger routers (debtors, invoices). Calendar dates cross the wire as YYYY-MM-DD. */
export const currencySchema = z.enum(CURRENCIES);
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export const invoiceKindSchema = z.enum(["invoice", "credit_note"]);
export const minorSchema = z.number().int();
export const pageSchema = z.number().int().min(0).max(100_000).default(0);

export const salesOwnerSchema = z.object({ userId: z.string(), displayName: z.string() });
