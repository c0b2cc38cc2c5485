import { insertDebtors, insertInvoices, withTenant, type NewInvoice, type OrganizationRow } from "@relance/db";
import { addDays, type Country, type Currency } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { uniqueSlug } from "@relance/db/testing";

/** The calendar date of the test clock (2026-03-02 09:00 UTC, in Paris). */
export const AS_OF = "2026-03-02";
export const daysAgo = (days: number): string => addDays(AS_OF, -days);

export interface DebtorSpec {
  name?: string;
  externalId?: string;
  segment?: "b2b" | "b2c";
  jurisdiction?: Country;
  salesOwnerId?: string | null;
  city?: string | null;
}

export const addDebtor = async (deps: ServiceDeps, org: OrganizationRow, spec: DebtorSpec = {}): Promise<string> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [row] = await insertDebtors(tx, [
      {
        orgId: org.id,
        externalId: spec.externalId ?? uniqueSlug("C"),
        name: spec.name ?? `Debtor ${uniqueSlug("d")}`,
        country: spec.jurisdiction ?? org.country,
        city: spec.city ?? null,
        segment: spec.segment ?? "b2b",
        jurisdiction: spec.jurisdiction ?? org.country,
        identifier: null,
        language: "fr",
        paymentTermsDays: 30,
        salesOwnerId: spec.salesOwnerId ?? null,
      },
    ]);
    return row!.id;
  });

export interface InvoiceSpec {
  number: string;
  dueDate?: string;
  issueDate?: string;
  amountMinor: number;
  openMinor?: number;
  currency?: Currency;
  kind?: "invoice" | "credit_note";
  externalId?: string;
  writtenOffMinor?: number;
  paymentReference?: string | null;
  poNumber?: string | null;
}

/** Inserts the invoices of one debtor; returns their ids by number. */
export const addInvoices = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  debtorId: string,
  specs: InvoiceSpec[],
): Promise<Record<string, string>> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const rows: NewInvoice[] = specs.map((s) => {
      const dueDate = s.dueDate ?? AS_OF;
      return {
        orgId: org.id,
        debtorId,
        number: s.number,
        externalId: s.externalId ?? `${s.number}-${uniqueSlug("x")}`,
        kind: s.kind ?? "invoice",
        issueDate: s.issueDate ?? (dueDate < "2025-01-01" ? dueDate : "2025-01-01"),
        dueDate,
        currency: s.currency ?? org.defaultCurrency,
        amountMinor: s.amountMinor,
        openMinor: s.openMinor ?? s.amountMinor,
        poNumber: s.poNumber ?? null,
        paymentReference: s.paymentReference ?? null,
      };
    });
    await insertInvoices(tx, rows);
    const ids = await tx<{ id: string; number: string; externalId: string }[]>`
      select id, number, external_id as "externalId" from invoices where external_id = any(${tx.array(rows.map((r) => r.externalId!))})`;
    for (const s of specs.filter((x) => x.writtenOffMinor)) {
      await tx`update invoices set written_off_minor = ${s.writtenOffMinor!} where debtor_id = ${debtorId} and number = ${s.number}`;
    }
    return Object.fromEntries(ids.map((r) => [r.number, r.id]));
  });

export interface PaymentSpec {
  bookingDate: string;
  amountMinor: number;
  currency?: Currency;
  payerName?: string | null;
  reversed?: boolean;
  allocations: { invoiceId: string; amountMinor: number; rule?: string; reversed?: boolean }[];
}

/** A bank payment and its allocations, written directly (the matching services own the real path). */
export const addPayment = async (deps: ServiceDeps, org: OrganizationRow, spec: PaymentSpec): Promise<string> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [payment] = await tx<{ id: string }[]>`
      insert into payments (org_id, source, dedupe_key, booking_date, amount_minor, currency, payer_name, reversed_at)
      values (${org.id}, 'manual', ${uniqueSlug("pay")}, ${spec.bookingDate}, ${spec.amountMinor},
              ${spec.currency ?? org.defaultCurrency}, ${spec.payerName ?? null}, ${spec.reversed ? new Date() : null})
      returning id`;
    for (const a of spec.allocations) {
      await tx`
        insert into payment_allocations (org_id, payment_id, invoice_id, amount_minor, rule, reversed_at)
        values (${org.id}, ${payment!.id}, ${a.invoiceId}, ${a.amountMinor}, ${a.rule ?? "reference"},
                ${a.reversed ? new Date() : null})`;
    }
    return payment!.id;
  });

export const addContact = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  debtorId: string,
  contact: { name: string; email?: string; phone?: string; preferredChannel?: string; role?: string },
): Promise<void> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    await tx`
      insert into debtor_contacts (org_id, debtor_id, name, role, email, phone, preferred_channel)
      values (${org.id}, ${debtorId}, ${contact.name}, ${contact.role ?? "accounts_payable"}, ${contact.email ?? null},
              ${contact.phone ?? null}, ${contact.preferredChannel ?? "email"})`;
  });

/** Fills in the address, contact details, terms and credit limit of a debtor and gives it an IBAN. */
export const completeDebtorDetails = async (deps: ServiceDeps, org: OrganizationRow, debtorId: string, iban: string): Promise<void> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    await tx`
      update debtors set identifier = '552100554', address_line1 = '12 rue des Lilas', address_line2 = 'Bâtiment B',
        postal_code = '69003', city = 'Lyon', email = 'compta@lilas.example', phone = '+33 4 00 00 00 00',
        credit_limit_minor = 5000000, payment_terms_days = 45
      where id = ${debtorId}`;
    await tx`insert into debtor_ibans (org_id, debtor_id, iban) values (${org.id}, ${debtorId}, ${iban})`;
  });
