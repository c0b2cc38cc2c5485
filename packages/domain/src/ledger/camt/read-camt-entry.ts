import { isIsoDate, type IsoDate } from "../calendar-date.ts";
import { tryParseDecimalAmount } from "../decimal-amount.ts";
import type { CamtEntry, CamtTransaction, CreditDebit } from "./camt-types.ts";
import { camtError, find, findAll, requiredText, textAt, type XmlNode } from "./xml-node.ts";

/** ISO 4217 exponents other than 2 that a Swiss or French bank account may plausibly hold. */
const FRACTION_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, ISK: 0, CLP: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

const amountOf = (owner: XmlNode, amt: XmlNode): { amountMinor: number; currency: string } => {
  const currency = amt.attributes.Ccy?.trim();
  if (!currency) throw camtError(owner, `${amt.name} has no Ccy attribute`);
  const outcome = tryParseDecimalAmount(amt.text, { decimalSeparator: ".", grouping: false, fractionDigits: FRACTION_DIGITS[currency] ?? 2 });
  if (!outcome.ok || outcome.value < 0) throw camtError(amt, `amount "${amt.text.trim()}": ${outcome.ok ? "negative" : outcome.reason}`);
  return { amountMinor: outcome.value, currency };
};

const creditDebitOf = (node: XmlNode, value: string): CreditDebit => {
  if (value === "CRDT" || value === "DBIT") return value;
  throw camtError(node, `CdtDbtInd "${value}" is neither CRDT nor DBIT`);
};

/** Booking and value dates come as `Dt` or `DtTm`; a date-time keeps its calendar date as written by the bank. */
const dateOf = (entry: XmlNode, path: string): IsoDate | null => {
  const value = textAt(entry, `${path}/Dt`, `${path}/DtTm`);
  if (value === null) return null;
  const date = value.slice(0, 10);
  if (!isIsoDate(date)) throw camtError(entry, `${path} "${value}" is not a date`);
  return date;
};

/** `Sts` holds the code itself up to version .07 and `Cd` (or `Prtry`) from .08. */
const statusOf = (entry: XmlNode): string => {
  const status = find(entry, "Sts");
  if (status === undefined) throw camtError(entry, "Sts is missing");
  const value = status.children.length === 0 ? status.text.trim() : textAt(status, "Cd", "Prtry");
  if (!value) throw camtError(entry, "Sts is empty");
  return value;
};

const readTransaction = (tx: XmlNode, index: number, entry: XmlNode, batchSize: number): CamtTransaction => {
  const amt = find(tx, "Amt") ?? find(tx, "AmtDtls/TxAmt/Amt");
  if (amt === undefined && batchSize > 1) throw camtError(tx, `no Amt, and the entry batches ${batchSize} transactions`);
  const { amountMinor, currency } = amountOf(amt === undefined ? entry : tx, amt ?? find(entry, "Amt")!);
  const indicator = textAt(tx, "CdtDbtInd");
  const endToEndId = textAt(tx, "Refs/EndToEndId");
  const unstructured = findAll(tx, "RmtInf/Ustrd").map((n) => n.text.trim()).filter((t) => t !== "");
  return {
    index,
    path: tx.path,
    amountMinor,
    currency,
    creditDebit: indicator === null ? null : creditDebitOf(tx, indicator),
    endToEndId: endToEndId === "NOTPROVIDED" ? null : endToEndId,
    debtorName: textAt(tx, "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm"),
    debtorIban: textAt(tx, "RltdPties/DbtrAcct/Id/IBAN")?.replace(/\s+/g, "").toUpperCase() ?? null,
    structuredRef: findAll(tx, "RmtInf/Strd/CdtrRefInf/Ref").map((n) => n.text.trim()).find((t) => t !== "") ?? null,
    unstructured: unstructured.length > 0 ? unstructured.join(" ") : null,
    accountServicerRef: textAt(tx, "Refs/AcctSvcrRef"),
  };
};

/** Converts one captured `Ntry` into an entry, or throws naming the entry's path and line. */
export const readCamtEntry = (entry: XmlNode): CamtEntry => {
  const amt = find(entry, "Amt");
  if (amt === undefined) throw camtError(entry, "Amt is missing");
  const { amountMinor, currency } = amountOf(entry, amt);
  const txNodes = findAll(entry, "NtryDtls/TxDtls");
  return {
    path: entry.path,
    line: entry.line,
    amountMinor,
    currency,
    creditDebit: creditDebitOf(entry, requiredText(entry, "CdtDbtInd")),
    reversal: ["true", "1"].includes(textAt(entry, "RvslInd") ?? ""),
    status: statusOf(entry),
    bookingDate: dateOf(entry, "BookgDt"),
    valueDate: dateOf(entry, "ValDt"),
    accountServicerRef: textAt(entry, "AcctSvcrRef"),
    additionalInfo: textAt(entry, "AddtlNtryInf"),
    transactions: txNodes.map((tx, i) => readTransaction(tx, i + 1, entry, txNodes.length)),
  };
};
