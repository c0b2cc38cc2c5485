/**
 * Ledger: money arithmetic, payment references, aging, streaming imports (CSV, FEC, camt) and payment matching.
 * Pure: no I/O. The shared `Money`, `money`, `formatMoney`, `CURRENCIES`, `Currency` and `MINOR_UNITS` come from
 * `../money.ts` and are not re-exported here.
 */
export { CurrencyMismatchError, type ParseOutcome } from "./ledger-errors.ts";
export {
  addDays, daysBetween, daysInMonth, endOfMonth, fromEpochDay, isCalendarDate, isIsoDate, toEpochDay, type IsoDate,
} from "./calendar-date.ts";
export { addMoney, assertSameCurrency, negateMoney, subtractMoney, sumByCurrency, sumMoney } from "./money-arithmetic.ts";
export {
  detectDecimalSeparator, formatDecimal, parseDecimalAmount, tryParseDecimalAmount, type DecimalSeparator, type ParseDecimalOptions,
} from "./decimal-amount.ts";
export {
  allocatePayment, sortOldestFirst, type AllocatableInvoice, type Allocation, type AllocationResult, type AllocationStrategy,
} from "./allocate-payment.ts";
export {
  buildQrr, buildRf, classifyReference, isValidQrr, isValidRf, normalizeReference, qrrCheckDigit, type ClassifiedReference, type ReferenceKind,
} from "./payment-reference.ts";
export {
  ageReceivables, bucketOf, DEFAULT_AGING_BUCKETS, daysPastDue, validateBuckets,
  type AgedBucketTotal, type AgedCurrency, type AgingBucket, type AgingItem,
} from "./aging.ts";
export { dueDateFromTerms, type EndOfMonthRule, type PaymentTerms } from "./due-date-from-terms.ts";
export {
  cheUidCheckDigit, isValidCheUid, isValidSiren, isValidSiret, parseCompanyIdentifier, type CompanyIdentifier,
} from "./company-identifier.ts";
export { ISO_COUNTRY_CODES, isIsoCountryCode } from "./iso-country-codes.ts";

export { createCsvParser, parseCsvText, type CsvParser, type CsvParserOptions, type CsvRecord } from "./csv/create-csv-parser.ts";
export { CSV_DELIMITERS, detectDelimiter, type CsvDelimiter } from "./csv/detect-delimiter.ts";
export {
  createChunkDecoder, decodeByteChunks, detectEncoding, type ChunkDecoder, type DecodeOptions, type TextEncodingName,
} from "./csv/decode-text.ts";
export { DATE_FORMATS, detectDateFormat, parseDateText, tryParseDateText, type DateFormat } from "./csv/parse-date-text.ts";

export { CANONICAL_COLUMNS, CANONICAL_FIELDS, REQUIRED_FIELDS, type CanonicalColumn, type CanonicalField } from "./canonical-csv/canonical-columns.ts";
export {
  checkMapping, DEFAULT_IMPORT_OPTIONS, resolveMapping,
  type ColumnMapping, type ColumnRef, type ImportOptions, type MappingProblem, type ResolvedColumn,
} from "./canonical-csv/column-mapping.ts";
export { autoMapHeader, normalizeHeaderName, type AutoMapResult } from "./canonical-csv/auto-map-header.ts";
export { createRecordMapper, mapRecord, type ImportedOpenItem, type ImportRowError, type MapRecordResult } from "./canonical-csv/map-record.ts";

export { FEC_COLUMNS, parseFecHeader, type FecAmountVariant, type FecColumn, type FecHeader } from "./fec/fec-header.ts";
export { parseFecLine, type FecEntry, type FecLineError, type FecLineResult } from "./fec/parse-fec-line.ts";
export { readFecEntries, type ReadFecOptions } from "./fec/read-fec-entries.ts";
export {
  createOpenReceivablesAccumulator, deriveOpenReceivables,
  type DeriveReceivablesOptions, type OpenReceivable, type OpenReceivablesAccumulator,
} from "./fec/derive-open-receivables.ts";

export type { CamtEntry, CamtKind, CamtStatement, CamtStatementInfo, CamtTransaction, CreditDebit } from "./camt/camt-types.ts";
export { collectCamt, parseCamt } from "./camt/parse-camt.ts";
export { bookablePayments, type BookablePayment } from "./camt/bookable-payments.ts";

export type {
  DebtorForMatching, MatchablePayment, MatchingContext, MatchingRule, MatchKind, MatchResult,
  OpenInvoiceForMatching, PaymentMatch, RuleOutcome, UnmatchedPayment,
} from "./matching/matching-types.ts";
export { MATCHING_RULES, matchPayment } from "./matching/match-payment.ts";
export { matchByReference } from "./matching/match-by-reference.ts";
export { matchByAmountAndPayer } from "./matching/match-by-amount-and-payer.ts";
export { COMBINATION_LIMITS, findCombinations, matchByCombination } from "./matching/match-by-combination.ts";
export { invoicesNamedIn, matchByFreeText, MIN_NUMBER_LENGTH } from "./matching/match-by-free-text.ts";
export { identifyPayer } from "./matching/identify-payer.ts";
export { normalizeIban, normalizePartyName, partyNamesMatch } from "./matching/normalize-party-name.ts";
export * from "./xlsx/index.ts";
