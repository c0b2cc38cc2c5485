import { buildQrr } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { buildQrBillPayload, formatQrAmount } from "./build-qr-bill-payload.ts";
import type { QrBillData } from "./qr-bill-data.ts";

// The example of the SIX implementation guidelines (QR-IBAN with a QR reference).
const sixExample = (overrides: Partial<QrBillData> = {}): QrBillData => ({
  creditorAccount: "CH44 3199 9123 0008 8901 2",
  creditor: { name: "Robert Schneider AG", street: "Rue du Lac", buildingNumber: "1268", postalCode: "2501", town: "Biel", country: "CH" },
  amountMinor: 194_975,
  currency: "CHF",
  debtor: { name: "Pia-Maria Rutschmann-Schnyder", street: "Grosse Marktgasse", buildingNumber: "28", postalCode: "9400", town: "Rorschach", country: "CH" },
  reference: "21 00000 00003 13947 14300 09017",
  unstructuredMessage: "Auftrag vom 15.06.2020",
  ...overrides,
});

const errorMessage = (data: QrBillData): string => {
  try {
    buildQrBillPayload(data);
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

describe("buildQrBillPayload", () => {
  it("lays out every element in the order of the implementation guidelines", () => {
    const payload = buildQrBillPayload(sixExample({ billInformation: "//S1/10/10201409/11/200701/20/140.000-53/30/102673831" }));
    const lines = payload.text.split("\n");
    expect(lines).toEqual(payload.lines);
    // Header
    expect(lines[0]).toBe("SPC"); // QRType
    expect(lines[1]).toBe("0200"); // Version
    expect(lines[2]).toBe("1"); // Coding: UTF-8
    // Creditor information
    expect(lines[3]).toBe("CH4431999123000889012"); // IBAN, no spaces
    expect(lines.slice(4, 11)).toEqual(["S", "Robert Schneider AG", "Rue du Lac", "1268", "2501", "Biel", "CH"]);
    // Ultimate creditor: seven empty elements
    expect(lines.slice(11, 18)).toEqual(["", "", "", "", "", "", ""]);
    // Payment amount information
    expect(lines[18]).toBe("1949.75");
    expect(lines[19]).toBe("CHF");
    // Ultimate debtor
    expect(lines.slice(20, 27)).toEqual(["S", "Pia-Maria Rutschmann-Schnyder", "Grosse Marktgasse", "28", "9400", "Rorschach", "CH"]);
    // Payment reference
    expect(lines[27]).toBe("QRR");
    expect(lines[28]).toBe("210000000003139471430009017");
    // Additional information
    expect(lines[29]).toBe("Auftrag vom 15.06.2020");
    expect(lines[30]).toBe("EPD");
    expect(lines[31]).toBe("//S1/10/10201409/11/200701/20/140.000-53/30/102673831");
    expect(lines).toHaveLength(32);
    expect(payload.text.endsWith("\n")).toBe(false);
    expect(payload).toMatchObject({ account: "CH4431999123000889012", referenceType: "QRR", amount: "1949.75" });
  });

  it("ends with EPD without bill information, and leaves amount and debtor empty when unknown", () => {
    const lines = buildQrBillPayload(sixExample({ amountMinor: null, debtor: null, unstructuredMessage: undefined })).lines;
    expect(lines).toHaveLength(31);
    expect(lines[18]).toBe("");
    expect(lines.slice(20, 27)).toEqual(["", "", "", "", "", "", ""]);
    expect(lines[29]).toBe("");
    expect(lines.at(-1)).toBe("EPD");
  });

  it("uses SCOR with a creditor reference and NON without one, on an ordinary IBAN", () => {
    const scor = buildQrBillPayload(sixExample({ creditorAccount: "CH5800791123000889012", reference: "RF18 5390 0754 7034", currency: "EUR" }));
    expect(scor.lines.slice(18, 20)).toEqual(["1949.75", "EUR"]);
    expect(scor.lines.slice(27, 29)).toEqual(["SCOR", "RF18539007547034"]);
    const non = buildQrBillPayload(sixExample({ creditorAccount: "CH5800791123000889012", reference: "" }));
    expect(non.lines.slice(27, 29)).toEqual(["NON", ""]);
  });

  it("replaces typographic quotes, dashes and thin spaces by their plain equivalents", () => {
    expect(buildQrBillPayload(sixExample({ unstructuredMessage: "Solde de l’échéance – 2026\u202f001…" })).lines[29]).toBe("Solde de l'échéance - 2026 001...");
  });

  it("accepts a QR reference built by the domain helper", () => {
    expect(buildQrBillPayload(sixExample({ reference: buildQrr("4200012026001") })).reference).toBe(buildQrr("4200012026001"));
  });

  it("formats amounts with two decimals from minor units", () => {
    expect(formatQrAmount(1)).toBe("0.01");
    expect(formatQrAmount(100)).toBe("1.00");
    expect(formatQrAmount(99_999_999_999)).toBe("999999999.99");
    expect(buildQrBillPayload(sixExample({ amountMinor: 99_999_999_999 })).amount).toBe("999999999.99");
  });

  it.each([
    [{ amountMinor: 0 }, "amount: must be between 0.01 and 999,999,999.99"],
    [{ amountMinor: 100_000_000_000 }, "amount: must be between 0.01 and 999,999,999.99"],
    [{ amountMinor: 12.5 }, "amount: must be between 0.01 and 999,999,999.99"],
    [{ currency: "USD" as never }, "currency: must be CHF or EUR"],
    [{ creditorAccount: "CH4431999123000889013" }, "creditorAccount: is not a valid IBAN"],
    [{ creditorAccount: "FR7630006000011234567890189" }, "creditorAccount: must be a Swiss (CH) or Liechtenstein (LI) IBAN"],
    [{ reference: "" }, "reference: a QR-IBAN requires a QR reference (QRR)"],
    [{ reference: "RF18539007547034" }, "reference: must be a 27-digit QR reference with a valid check digit, as the account is a QR-IBAN"],
    [{ reference: "210000000003139471430009018" }, "reference: must be a 27-digit QR reference with a valid check digit, as the account is a QR-IBAN"],
    [{ creditorAccount: "CH5800791123000889012" }, "reference: a QR reference (QRR) can only be used with a QR-IBAN"],
    [{ creditorAccount: "CH5800791123000889012", reference: "RF19539007547034" }, "reference: must be an RF creditor reference (ISO 11649) with valid check digits"],
    [{ unstructuredMessage: "x".repeat(141) }, "unstructuredMessage: must be at most 140 characters"],
    [{ unstructuredMessage: "x".repeat(100), billInformation: `//${"y".repeat(40)}` }, "unstructuredMessage: and bill information together must be at most 140 characters"],
    [{ billInformation: "S1/10/1" }, 'billInformation: must start with "//" (e.g. Swico "//S1/…")'],
    [{ unstructuredMessage: "Facture\n2026-001" }, "unstructuredMessage: contains characters the QR-bill does not allow (line breaks, non-Latin script)"],
  ] satisfies [Partial<QrBillData>, string][])("rejects %j", (overrides, message) => {
    expect(errorMessage(sixExample(overrides))).toBe(message);
  });

  it("checks both addresses, naming the field", () => {
    const creditor = sixExample().creditor;
    expect(errorMessage(sixExample({ creditor: { ...creditor, name: " " } }))).toBe("creditor.name: is required");
    expect(errorMessage(sixExample({ creditor: { ...creditor, town: "x".repeat(36) } }))).toBe("creditor.town: must be at most 35 characters");
    expect(errorMessage(sixExample({ debtor: { ...creditor, postalCode: "" } }))).toBe("debtor.postalCode: is required");
    expect(errorMessage(sixExample({ debtor: { ...creditor, country: "XX" } }))).toBe('debtor.country: "XX" is not an ISO 3166 country code');
    expect(errorMessage(sixExample({ debtor: { ...creditor, name: "Иван Петров" } }))).toMatch(/^debtor\.name: contains characters/);
    expect(buildQrBillPayload(sixExample({ debtor: { ...creditor, name: "Łukasz Ștefănescu €" } })).lines[21]).toBe("Łukasz Ștefănescu €");
  });
});
