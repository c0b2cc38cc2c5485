import { applyAllocations, findMatchingCandidates, rememberDebtorIban, type TenantTx } from "@relance/db";
import { matchPayment, normalizeReference, type MatchablePayment, type MatchResult } from "@relance/domain";

/** Legal forms and filler words that say nothing about who paid. */
const NOISE = new Set(["sa", "sas", "sasu", "sarl", "eurl", "ag", "gmbh", "sarl", "sàrl", "sa.", "ltd", "inc", "et", "and", "de", "du", "la", "le", "les", "des", "mr", "mme", "m"]);

export const payerNameWords = (name: string | null): string[] =>
  (name ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !NOISE.has(w))
    .sort((a, b) => b.length - a.length)
    .slice(0, 2);

/** Tokens of free text that may be invoice numbers (they contain a digit), as written. */
export const referenceTokens = (text: string | null): string[] =>
  (text ?? "")
    .split(/[\s,;:/()]+/)
    .map((t) => t.replace(/^[.#]+|[.#]+$/g, ""))
    .filter((t) => t.length >= 3 && /\d/.test(t));

/** The structured reference (normalized as stored) and the free-text tokens, as written and upper-cased. */
export const referenceCandidates = (structuredRef: string | null, text: string | null): string[] => [
  ...new Set([
    ...(structuredRef ? [normalizeReference(structuredRef)] : []),
    ...referenceTokens(text).flatMap((t) => [t, t.toUpperCase()]),
  ]),
];

export const normalizeIban = (iban: string | null): string | null => {
  const cleaned = iban?.replace(/\s+/g, "").toUpperCase() ?? "";
  return /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/.test(cleaned) ? cleaned : null;
};

/**
 * Runs the matching rules on one payment against the candidates the ledger holds for it and, on a match, books
 * the allocations and remembers the payer's IBAN for that debtor.
 */
export const matchAndAllocate = async (
  tx: TenantTx,
  orgId: string,
  paymentId: string,
  payment: MatchablePayment,
): Promise<MatchResult> => {
  const payerIban = normalizeIban(payment.debtorIban ?? null);
  const references = referenceCandidates(payment.structuredRef ?? null, payment.unstructured ?? null);
  const candidates = await findMatchingCandidates(tx, {
    currency: payment.currency,
    amountMinor: payment.amountMinor,
    references,
    payerIban,
    nameWords: payerNameWords(payment.debtorName ?? null),
  });
  const result = matchPayment(
    { ...payment, debtorIban: payerIban },
    { openInvoices: candidates.invoices, debtors: candidates.debtors },
  );
  if (result.kind === "unmatched") return result;
  await applyAllocations(
    tx,
    result.allocations.map((a) => ({ orgId, paymentId, invoiceId: a.invoiceId, amountMinor: a.amountMinor, rule: result.kind, createdBy: null })),
  );
  const debtorId = candidates.invoices.find((i) => i.id === result.allocations[0]?.invoiceId)?.debtorId;
  if (payerIban && debtorId) await rememberDebtorIban(tx, orgId, debtorId, payerIban);
  return result;
};
