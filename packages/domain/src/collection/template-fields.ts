import type { IsoDate } from "../ledger/calendar-date.ts";
import { addMoney, sumByCurrency } from "../ledger/money-arithmetic.ts";
import { CURRENCIES, type Currency, type Money } from "../money.ts";

/**
 * The fixed catalogue of merge fields a reminder template may use. Each field has a kind, which says how it is
 * formatted for the reader's locale, and reads its value from the context; a field with no value in a context is an
 * error at render time, so no letter goes out with a hole in it.
 */
export interface TemplateInvoiceRow {
  readonly number: string;
  readonly issueDate?: IsoDate | null;
  readonly dueDate: IsoDate;
  readonly openMinor: number;
  readonly currency: Currency;
}

export interface TemplateContext {
  readonly company: { readonly name: string; readonly address?: string; readonly email?: string; readonly phone?: string; readonly iban?: string };
  readonly debtor: { readonly name: string; readonly address?: string; readonly reference?: string };
  readonly sender?: { readonly name: string };
  /** The date of the message. */
  readonly date: IsoDate;
  /** The last day to pay given in the message. */
  readonly payBy?: IsoDate;
  readonly invoices: readonly TemplateInvoiceRow[];
  /** Penalties owed so far, in the invoices' currency (see computeLatePenalties). */
  readonly penalties?: { readonly interest: Money; readonly indemnity: Money };
  /** Rates as decimal percent text, from the rate tables in force. */
  readonly rates?: { readonly penaltyRatePercent?: string; readonly legalRatePercent?: string; readonly defaultInterestRatePercent?: string };
}

export type TemplateValue =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "date"; readonly date: IsoDate }
  | { readonly kind: "money"; readonly amounts: readonly Money[] }
  | { readonly kind: "percent"; readonly ratePercent: string }
  | { readonly kind: "invoices"; readonly rows: readonly TemplateInvoiceRow[] };

export type TemplateFieldKind = TemplateValue["kind"];

export interface TemplateField {
  readonly name: string;
  readonly kind: TemplateFieldKind;
  readonly description: string;
  readonly read: (context: TemplateContext) => TemplateValue | undefined;
}

const text = (value: string | undefined): TemplateValue | undefined => (value === undefined || value === "" ? undefined : { kind: "text", text: value });
const date = (value: IsoDate | undefined): TemplateValue | undefined => (value === undefined ? undefined : { kind: "date", date: value });
const percent = (value: string | undefined): TemplateValue | undefined => (value === undefined ? undefined : { kind: "percent", ratePercent: value });
const amounts = (list: readonly Money[] | undefined): TemplateValue | undefined => (list === undefined ? undefined : { kind: "money", amounts: list });

/** The open amounts per currency, in CURRENCIES order. */
export const totalsOf = (rows: readonly TemplateInvoiceRow[]): Money[] => {
  const totals = sumByCurrency(rows.map((row) => ({ amountMinor: row.openMinor, currency: row.currency })));
  return CURRENCIES.flatMap((currency) => totals[currency] ?? []);
};

const penaltiesOf = (context: TemplateContext): Money | undefined =>
  context.penalties === undefined ? undefined : addMoney(context.penalties.interest, context.penalties.indemnity);

const oldestDueDate = (rows: readonly TemplateInvoiceRow[]): IsoDate | undefined => [...rows].map((row) => row.dueDate).sort()[0];

export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  { name: "company.name", kind: "text", description: "Your company's name", read: (c) => text(c.company.name) },
  { name: "company.address", kind: "text", description: "Your company's postal address", read: (c) => text(c.company.address) },
  { name: "company.email", kind: "text", description: "Your accounts-receivable e-mail", read: (c) => text(c.company.email) },
  { name: "company.phone", kind: "text", description: "Your accounts-receivable phone", read: (c) => text(c.company.phone) },
  { name: "company.iban", kind: "text", description: "The IBAN to pay to", read: (c) => text(c.company.iban) },
  { name: "debtor.name", kind: "text", description: "The customer's name", read: (c) => text(c.debtor.name) },
  { name: "debtor.address", kind: "text", description: "The customer's postal address", read: (c) => text(c.debtor.address) },
  { name: "debtor.reference", kind: "text", description: "The customer's account number with you", read: (c) => text(c.debtor.reference) },
  { name: "sender.name", kind: "text", description: "The person signing", read: (c) => text(c.sender?.name) },
  { name: "date", kind: "date", description: "The date of the message", read: (c) => date(c.date) },
  { name: "pay_by", kind: "date", description: "The last day to pay given in the message", read: (c) => date(c.payBy) },
  { name: "due_date", kind: "date", description: "The oldest due date among the listed invoices", read: (c) => date(oldestDueDate(c.invoices)) },
  { name: "invoices", kind: "invoices", description: "The list of invoices: number, dates, open amount", read: (c) => (c.invoices.length === 0 ? undefined : { kind: "invoices", rows: c.invoices }) },
  { name: "invoice_count", kind: "text", description: "How many invoices are listed", read: (c) => text(String(c.invoices.length)) },
  { name: "total_due", kind: "money", description: "The open total of the listed invoices", read: (c) => amounts(c.invoices.length === 0 ? undefined : totalsOf(c.invoices)) },
  { name: "interest", kind: "money", description: "Late interest owed so far", read: (c) => amounts(c.penalties && [c.penalties.interest]) },
  { name: "indemnity", kind: "money", description: "Flat recovery indemnity (France, B2B)", read: (c) => amounts(c.penalties && [c.penalties.indemnity]) },
  { name: "penalties", kind: "money", description: "Interest plus indemnity", read: (c) => amounts(c.penalties && [addMoney(c.penalties.interest, c.penalties.indemnity)]) },
  {
    name: "total_with_penalties", kind: "money", description: "Open total plus penalties",
    read: (c) => {
      const penalties = penaltiesOf(c);
      return penalties === undefined ? undefined : amounts(totalsOf([...c.invoices, { number: "", dueDate: c.date, openMinor: penalties.amountMinor, currency: penalties.currency }]));
    },
  },
  { name: "penalty_rate", kind: "percent", description: "The late-penalty rate per year (France, B2B)", read: (c) => percent(c.rates?.penaltyRatePercent) },
  { name: "legal_rate", kind: "percent", description: "The French legal interest rate", read: (c) => percent(c.rates?.legalRatePercent) },
  { name: "default_interest_rate", kind: "percent", description: "The Swiss default interest rate (CO 104)", read: (c) => percent(c.rates?.defaultInterestRatePercent) },
];

export const TEMPLATE_FIELD_NAMES: ReadonlySet<string> = new Set(TEMPLATE_FIELDS.map((field) => field.name));

export const templateFieldNamed = (name: string): TemplateField | undefined => TEMPLATE_FIELDS.find((field) => field.name === name);
