import { describe, expect, it } from "vitest";
import { identifyPayer } from "./identify-payer.ts";
import { CONTEXT } from "./matching-fixture.ts";
import { normalizePartyName, partyNamesMatch } from "./normalize-party-name.ts";

describe("normalizePartyName", () => {
  it.each([
    ["BOULANGERIE DUPONT SAS", "boulangerie dupont"],
    ["Dupont S.A.", "dupont"],
    ["Muster GmbH", "muster"],
    ["Muster AG", "muster"],
    ["Martin Sàrl", "martin"],
    ["Martin SARL", "martin"],
    ["  Café de l'Élysée  ", "cafe de l elysee"],
  ])("%j → %j", (name, expected) => {
    expect(normalizePartyName(name)).toBe(expected);
  });

  it("matches names that differ only in case, accents and legal form", () => {
    expect(partyNamesMatch("Boulangerie Dupont SAS", "BOULANGERIE DUPONT")).toBe(true);
    expect(partyNamesMatch("Jean Martin", "MARTIN JEAN")).toBe(true);
    expect(partyNamesMatch("Boulangerie Dupont", "Boulangerie Durand")).toBe(false);
    expect(partyNamesMatch("Boulangerie Dupont", "Boulangerie Dupont Fils")).toBe(false);
    expect(partyNamesMatch("SAS", "SARL")).toBe(false);
  });
});

describe("identifyPayer", () => {
  it("prefers a known IBAN, then the name", () => {
    expect(identifyPayer({ amountMinor: 1, currency: "EUR", debtorIban: "fr1420041010050500013m02606", debtorName: "Muster AG" }, CONTEXT.debtors)).toEqual(["D1"]);
    expect(identifyPayer({ amountMinor: 1, currency: "EUR", debtorIban: "DE89370400440532013000", debtorName: "MUSTER" }, CONTEXT.debtors)).toEqual(["D2"]);
    expect(identifyPayer({ amountMinor: 1, currency: "EUR", debtorName: "Unknown Ltd" }, CONTEXT.debtors)).toEqual([]);
    expect(identifyPayer({ amountMinor: 1, currency: "EUR" }, CONTEXT.debtors)).toEqual([]);
  });
});
