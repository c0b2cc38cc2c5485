import type { ActionInvoiceRow, ClaimedActionRow, SendSettingsRow } from "@relance/db";
import {
  addDays, formatRatePercent, languageOf, parseRatePercent, rateInForceOn, renderTemplate, templateFor,
  type DunningStep, type RateTables, type TemplateContext, type TemplateLocale,
} from "@relance/domain";

/** Who the messages come from: the tenant's sender details (see senderIdentityOf), or what a caller sets instead. */
export interface SenderIdentity {
  /** The company name printed and signed; defaults to the organization's name. */
  name?: string;
  email: string;
  phone?: string;
  iban?: string;
  address?: string;
  signature?: string;
}

export const localeOf = (debtor: { debtorLanguage: string; jurisdiction: "FR" | "CH" }): TemplateLocale =>
  debtor.debtorLanguage === "fr" ? (debtor.jurisdiction === "CH" ? "fr-CH" : "fr-FR") : "en-GB";

const rateOrUndefined = (read: () => string): string | undefined => {
  try {
    return read();
  } catch {
    return undefined; // a rate missing from the table leaves the field empty; a template using it then fails, naming it
  }
};

/** The merge-field context of one action as of a date. Fields the tenant has no value for get a dash, never a hole. */
export const buildTemplateContext = (
  settings: SendSettingsRow, sender: SenderIdentity, action: ClaimedActionRow, invoices: ActionInvoiceRow[], today: string, tables: RateTables,
): TemplateContext => {
  const currency = invoices[0]?.currency ?? "EUR";
  const sameCurrency = invoices.filter((i) => i.currency === currency);
  const interest = sameCurrency.reduce((sum, i) => sum + i.interestMinor, 0);
  const indemnity = sameCurrency.reduce((sum, i) => sum + i.indemnityMinor, 0);
  const ecb = rateOrUndefined(() => rateInForceOn(tables.ecb_refinancing, today).ratePercent);
  return {
    company: { name: sender.name ?? settings.orgName, email: sender.email, phone: sender.phone ?? "-", iban: sender.iban ?? "-", address: sender.address ?? "-" },
    debtor: { name: action.debtorName, address: action.addressLines.join(", ") || "-", reference: action.debtorExternalId },
    sender: { name: sender.signature ?? sender.name ?? settings.orgName },
    date: today,
    payBy: addDays(today, 8),
    invoices: invoices.map((i) => ({ number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, openMinor: i.openMinor, currency: i.currency })),
    penalties: { interest: { amountMinor: interest, currency }, indemnity: { amountMinor: indemnity, currency } },
    rates: {
      ...(ecb === undefined ? {} : { penaltyRatePercent: formatRatePercent(parseRatePercent(ecb) + parseRatePercent("10")) }),
      ...withRate("legalRatePercent", rateOrUndefined(() => rateInForceOn(tables.fr_legal_rate_other, today).ratePercent)),
      ...withRate("defaultInterestRatePercent", rateOrUndefined(() => rateInForceOn(tables.ch_default_interest, today).ratePercent)),
    },
  };
};

const withRate = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });

export interface RenderedMessage {
  subject: string;
  body: string;
}

export const renderStepMessage = (step: DunningStep, context: TemplateContext, locale: TemplateLocale): RenderedMessage => {
  const template = templateFor(step.templateKey, languageOf(locale));
  return { subject: template.subject === undefined ? "" : renderTemplate(template.subject, context, locale), body: renderTemplate(template.body, context, locale) };
};
