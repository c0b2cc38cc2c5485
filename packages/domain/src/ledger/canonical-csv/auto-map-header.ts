import { CANONICAL_FIELDS, REQUIRED_FIELDS, type CanonicalField } from "./canonical-columns.ts";
import { DEFAULT_IMPORT_OPTIONS, type ColumnMapping } from "./column-mapping.ts";

/** Header names as met in French, Swiss and English exports, compared after `normalizeHeaderName`. */
const SYNONYMS: Record<CanonicalField, readonly string[]> = {
  debtor_external_id: ["code client", "n client", "no client", "numero client", "numero de client", "compte client", "ref client", "customer id", "customer code", "kundennummer"],
  debtor_name: ["client", "nom client", "nom du client", "raison sociale", "debiteur", "customer", "customer name", "kunde"],
  debtor_country: ["pays", "code pays", "country", "land"],
  debtor_segment: ["segment", "type client", "type de client", "customer type"],
  debtor_identifier: ["siren", "siret", "ide", "uid", "numero ide", "identifiant", "identifiant entreprise", "company id"],
  debtor_email: ["email", "e mail", "mail", "courriel", "email client", "adresse email"],
  debtor_language: ["langue", "language", "sprache"],
  debtor_payment_terms_days: ["delai de paiement", "delai paiement", "conditions de paiement", "payment terms", "zahlungsfrist"],
  invoice_external_id: ["id facture", "invoice id"],
  invoice_number: ["n facture", "no facture", "num facture", "numero facture", "numero de facture", "facture", "n piece", "numero de piece", "invoice number", "invoice no", "rechnungsnummer"],
  issue_date: ["date facture", "date de facture", "date d emission", "date emission", "date piece", "date", "invoice date", "rechnungsdatum"],
  due_date: ["date d echeance", "date echeance", "echeance", "due date", "falligkeit", "falligkeitsdatum"],
  amount: ["montant ttc", "montant", "total ttc", "montant facture", "montant de la facture", "amount", "total", "betrag"],
  open_amount: ["reste du", "restant du", "reste a payer", "montant du", "solde", "solde du", "montant restant", "open amount", "balance", "offen", "offener betrag"],
  currency: ["devise", "monnaie", "currency", "wahrung"],
  po_number: ["n commande", "numero de commande", "bon de commande", "ref commande", "po", "po number", "purchase order", "bestellnummer"],
  payment_reference: ["reference de paiement", "reference paiement", "ref paiement", "reference qr", "payment reference", "referenz"],
  document_type: ["type", "type de document", "type piece", "type de piece", "document type", "belegart"],
};

/** Lower case, accents and punctuation dropped, "N°" read as "n": "Date d'échéance" → "datedecheance". */
export const normalizeHeaderName = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const candidatesOf = (field: CanonicalField): string[] => [field, ...SYNONYMS[field]].map(normalizeHeaderName);

export interface AutoMapResult {
  readonly mapping: ColumnMapping;
  /** Required fields no header matched: the user must map them or give a default. */
  readonly missingRequired: CanonicalField[];
  /** Header names left unmapped, in file order. */
  readonly unusedColumns: string[];
}

/**
 * Maps header names to canonical fields: exact canonical names first, then synonyms in listed order, each source
 * column used at most once (so "Code client" is taken for the id before "Client" could match the name).
 */
export const autoMapHeader = (headerFields: readonly string[]): AutoMapResult => {
  const normalized = headerFields.map(normalizeHeaderName);
  const used = new Set<number>();
  const columns: Partial<Record<CanonicalField, string>> = {};
  const take = (field: CanonicalField, candidate: string): boolean => {
    const index = normalized.findIndex((name, i) => name === candidate && !used.has(i));
    if (index < 0) return false;
    used.add(index);
    columns[field] = headerFields[index]!.trim();
    return true;
  };
  for (const field of CANONICAL_FIELDS) take(field, normalizeHeaderName(field));
  for (const field of CANONICAL_FIELDS) {
    if (columns[field] !== undefined) continue;
    for (const candidate of candidatesOf(field).slice(1)) if (take(field, candidate)) break;
  }
  return {
    mapping: { columns, options: DEFAULT_IMPORT_OPTIONS },
    missingRequired: REQUIRED_FIELDS.filter((field) => columns[field] === undefined),
    unusedColumns: headerFields.filter((_, i) => !used.has(i)),
  };
};
