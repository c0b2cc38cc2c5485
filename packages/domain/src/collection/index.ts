/**
 * Collection rules: dated rate and fee tables, late penalties (FR B2B/B2C, CH), limitation periods, procedural
 * deadlines, dunning policies and their scheduling, and reminder templates. Pure: no I/O, no clock ("today" is
 * always a parameter).
 */
export { explain, type Explanation } from "./explanation.ts";
export { fieldIssuesOf, invalidCollectionData, missingCollectionData, parseOrThrow } from "./collection-errors.ts";
export {
  addMonths, addYears, daysInPeriod, halfYearStartOf, halfYearStartsWithin, isoWeekday, isWeekend, nextWorkingDay, splitPeriod, type DatePeriod,
} from "./calendar-periods.ts";
export {
  DAY_COUNT_YEAR_DAYS, formatRatePercent, interestForDays, parseRatePercent, RATE_UNITS_PER_PERCENT, rateAsFractionText, tryParseRatePercent, type RateUnits,
} from "./decimal-rate.ts";
export {
  entryInForceOn, isoDateSchema, parseRateTable, parseRateTables, paymentOrderFeeOn, paymentOrderFeeTableSchema, RATE_TABLE_KINDS, rateInForceOn,
  rateTableSchema, rateTablesSchema, recoveryIndemnityOn, recoveryIndemnityTableSchema,
  type PaymentOrderFeeBracket, type PaymentOrderFeeEntry, type PaymentOrderFeeTable, type RateEntry, type RateTable, type RateTableKind,
  type RateTables, type RecoveryIndemnityEntry, type RecoveryIndemnityTable,
} from "./rate-tables.ts";
export { DEFAULT_RATE_TABLES } from "./default-rate-tables.ts";
export { FR_B2B_PENALTY_TERMS, type FrB2bPenaltyTerms } from "./late-penalty-terms.ts";
export type { Jurisdiction, LatePenalties, LatePenaltyInput, PenaltyLine, Segment } from "./late-penalty-types.ts";
export { computeLatePenalties } from "./late-penalties.ts";
export {
  LIMITATION_PERIODS, PRESCRIPTION_EVENT_KINDS, type InterruptionRule, type LimitationPeriod, type PrescriptionEventKind,
} from "./limitation-periods.ts";
export {
  isApproaching, limitationPeriodFor, prescriptionDate, prescriptionStatus,
  type Prescription, type PrescriptionEvent, type PrescriptionInput, type PrescriptionStatus,
} from "./prescription.ts";
export {
  deadlineEnd, injonctionOppositionDeadline, injonctionServiceDeadline, LEGAL_DEADLINE_KEYS, LEGAL_DEADLINES, schkgDeadlines,
  type DeadlineOptions, type InjonctionServiceDeadline, type LegalDeadlineKey, type LegalDeadlineRule, type SchkgDeadlines,
} from "./legal-deadlines.ts";
export {
  DUNNING_CHANNELS, dunningPolicySchema, KNOWN_POLICY_SEGMENTS, MAX_DUNNING_LEVEL, MIN_DUNNING_LEVEL, parseDunningPolicy,
  type DunningChannel, type DunningPolicy, type DunningStep, type PolicySegment,
} from "./dunning-policy.ts";
export { DEFAULT_POLICIES } from "./default-dunning-policies.ts";
export {
  consolidateByDebtor, nextDueSteps, sentStepKey,
  type DebtorReminder, type DueStep, type DunningInvoice, type HeldInvoice, type HoldReason, type NextDueSteps, type SentStepKey,
} from "./next-due-steps.ts";
export {
  DEFAULT_SEND_WINDOW, parseSendWindowSettings, scheduleSendTime, sendWindowSettingsSchema, type SendWindowSettings,
} from "./schedule-send-time.ts";
export {
  TEMPLATE_FIELD_NAMES, TEMPLATE_FIELDS, templateFieldNamed, totalsOf,
  type TemplateContext, type TemplateField, type TemplateFieldKind, type TemplateInvoiceRow, type TemplateValue,
} from "./template-fields.ts";
export {
  formatInvoiceList, formatShortDate, formatTemplateDate, formatTemplateMoney, formatTemplatePercent, formatTemplateValue, languageOf,
  TEMPLATE_LOCALES, type TemplateLanguage, type TemplateLocale,
} from "./template-format.ts";
export {
  assertValidTemplate, renderTemplate, templateFields, validateTemplate, type MessageTemplate, type TemplatePlaceholder, type TemplateIssue,
} from "./templates.ts";
export { DEFAULT_TEMPLATES, templateFor } from "./default-templates.ts";
export {
  ALERT_KINDS, ALERT_WARN_DAYS, approachingPrescription, injonctionAlert, prescriptionCandidateCutoff, schkgContinuationAlert,
  type AlertKind, type CollectionAlert, type PrescriptionCheck, type ProceedingAlert,
} from "./collection-alerts.ts";
