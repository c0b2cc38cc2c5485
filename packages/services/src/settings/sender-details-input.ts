import { isIsoCountryCode, parseCompanyIdentifier } from "@relance/domain";
import { z } from "zod";
import { compactIban, isQrIban, isValidIban } from "../channels/letters/qr-bill/iban.ts";

/** A text field a form may leave blank: trimmed, and blank becomes null (the field is cleared). */
const optionalText = (max: number) =>
  z
    .string("Must be text")
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));

const ibanField = (kind: "iban" | "qrIban") =>
  optionalText(42)
    .transform((v) => (v === null ? null : compactIban(v)))
    .superRefine((v, ctx) => {
      if (v === null) return;
      if (!isValidIban(v)) ctx.addIssue({ code: "custom", message: "Not a valid IBAN (check digits)" });
      else if (kind === "iban" && isQrIban(v)) ctx.addIssue({ code: "custom", message: "This is a QR-IBAN: enter it in the QR-IBAN field" });
      else if (kind === "qrIban" && !isQrIban(v)) ctx.addIssue({ code: "custom", message: "Not a QR-IBAN (a Swiss IBAN whose bank id is 30000–31999)" });
    });

/**
 * The tenant's sender details as an admin edits them. Every field is optional (blank clears it); the IBAN, the
 * QR-IBAN, SIREN/UID, e-mail and country are checked, and each bad field is named.
 */
export const senderDetailsInput = z.object({
  legalName: optionalText(200),
  street: optionalText(70),
  buildingNumber: optionalText(16),
  postalCode: optionalText(16),
  town: optionalText(35),
  addressCountry: optionalText(2)
    .transform((v) => (v === null ? null : v.toUpperCase()))
    .refine((v) => v === null || isIsoCountryCode(v), "Use a two-letter country code (FR, CH, …)"),
  phone: optionalText(40).refine((v) => v === null || /^\+?[0-9 ().-]{6,}$/.test(v), "Digits, spaces and + only"),
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, "Not a valid e-mail address"),
  companyIdentifier: optionalText(30).transform((v, ctx) => {
    if (v === null) return null;
    const outcome = parseCompanyIdentifier(v);
    if (outcome.ok && outcome.value.kind !== "SIRET") return outcome.value.value;
    ctx.addIssue({ code: "custom", message: outcome.ok ? "Enter the SIREN (9 digits), not the SIRET" : `Not a SIREN or Swiss UID: ${outcome.reason}` });
    return z.NEVER;
  }),
  iban: ibanField("iban"),
  qrIban: ibanField("qrIban"),
});

export type SenderDetailsInput = z.input<typeof senderDetailsInput>;
