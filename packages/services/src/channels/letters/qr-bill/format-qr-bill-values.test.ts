import { describe, expect, it } from "vitest";
import { formatQrReference, formatSlipAmount, slipAddressLines } from "./format-qr-bill-values.ts";
import { formatIban, isQrIban, isValidIban } from "./iban.ts";

describe("payment part formatting", () => {
  it("groups a QR reference by five from the right and an RF reference by four", () => {
    expect(formatQrReference("QRR", "210000000003139471430009017")).toBe("21 00000 00003 13947 14300 09017");
    expect(formatQrReference("SCOR", "RF18539007547034")).toBe("RF18 5390 0754 7034");
  });

  it("prints amounts with a space between thousands and a decimal point", () => {
    expect(formatSlipAmount("1949.75")).toBe("1 949.75");
    expect(formatSlipAmount("999999999.99")).toBe("999 999 999.99");
    expect(formatSlipAmount("0.50")).toBe("0.50");
  });

  it("prints street and number on one line, and the country only outside Switzerland", () => {
    expect(slipAddressLines({ name: "Robert Schneider AG", street: "Rue du Lac", buildingNumber: "1268", postalCode: "2501", town: "Biel", country: "CH" })).toEqual([
      "Robert Schneider AG",
      "Rue du Lac 1268",
      "2501 Biel",
    ]);
    expect(slipAddressLines({ name: "Acme SAS", postalCode: "75002", town: "Paris", country: "FR" })).toEqual(["Acme SAS", "FR-75002 Paris"]);
  });
});

describe("IBAN checks", () => {
  it("validates the mod-97 check and tells a QR-IBAN by its institution id", () => {
    expect(isValidIban("CH44 3199 9123 0008 8901 2")).toBe(true);
    expect(isValidIban("CH44 3199 9123 0008 8901 3")).toBe(false);
    expect(isQrIban("CH4431999123000889012")).toBe(true); // IID 31999
    expect(isQrIban("CH5800791123000889012")).toBe(false); // IID 00791
    expect(isQrIban("CH5530000001234567890")).toBe(true); // IID 30000, the lower bound
    expect(formatIban("ch4431999123000889012")).toBe("CH44 3199 9123 0008 8901 2");
  });
});
