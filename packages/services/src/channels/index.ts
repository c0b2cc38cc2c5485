/** Delivery side of dunning: e-mail, PDF letters (with the Swiss QR-bill) and SMS, each with an outbox mode. */
export * from "./delivery-channel.ts";

export * from "./email/email-message.ts";
export { createMailer, type MailerOptions } from "./email/create-mailer.ts";
export type { OutboxEmailSink } from "./email/outbox-mailer.ts";
export { DEFAULT_SMTP_TIMEOUTS, EmailDeliveryError, type SmtpTimeouts } from "./email/smtp-mailer.ts";
export { normalizeEmailAddress, prepareEmail } from "./email/prepare-email.ts";
export { isRelanceMessageId } from "./email/message-id.ts";
export {
  parseDeliveryStatus, type DeliveryFailure, type DeliveryReply, type DeliveryStatus, type ParseDeliveryStatusOptions,
} from "./email/parse-delivery-status.ts";
export { receiveInboundEmail, type InboundEmailKind, type InboundEmailResult } from "./email/receive-inbound-email.ts";
export { MAX_INBOUND_EMAIL_BYTES } from "./email/check-raw-email.ts";

export type {
  EnvelopeWindow, Letter, LetterCharge, LetterInvoice, LetterLocale, LetterRecipient, LetterSender,
} from "./letters/letter-model.ts";
export { renderLetterPdf } from "./letters/render-letter-pdf.ts";
export { letterTotals, type TotalLine } from "./letters/letter-totals.ts";
export { daysLateOf } from "./letters/draw-invoice-table.ts";
export { LETTER_LABELS, type LetterLabels } from "./letters/letter-labels.ts";
export type { QrBillAddress, QrBillData, QrReferenceType } from "./letters/qr-bill/qr-bill-data.ts";
export { buildQrBillPayload, formatQrAmount, type QrBillPayload } from "./letters/qr-bill/build-qr-bill-payload.ts";
export { formatIban, isQrIban, isValidIban } from "./letters/qr-bill/iban.ts";
export { QR_BILL_LABELS, type QrBillLabels } from "./letters/qr-bill/qr-bill-labels.ts";

export * from "./sms/sms-message.ts";
export { createSmsSender, type SmsSenderOptions } from "./sms/create-sms-sender.ts";
export type { OutboxSmsSink } from "./sms/outbox-sms-sender.ts";
export { SmsProviderError } from "./sms/sms-provider-error.ts";
export { normalizePhoneNumber, phoneLineKind, PHONE_COUNTRIES, type PhoneCountry } from "./sms/phone-number.ts";
export { computeSmsSegments, isGsm7, type SmsEncoding, type SmsSegments } from "./sms/sms-segments.ts";
export { DEFAULT_MAX_SMS_SEGMENTS } from "./sms/prepare-sms.ts";
export {
  parseSmsStatusCallback, type SmsDeliveryState, type SmsStatusUpdate,
} from "./sms/parse-sms-status-callback.ts";
