import { describe, expect, it } from "vitest";
import { buildFrenchB2bLetter } from "./letter-fixtures.ts";
import { LETTER_LABELS } from "./letter-labels.ts";
import { letterTotals } from "./letter-totals.ts";

const eur = (amountMinor: number) => ({ amountMinor, currency: "EUR" as const });

describe("letterTotals", () => {
  it("adds penalties and the recovery indemnity to the open total", () => {
    expect(letterTotals(buildFrenchB2bLetter(), LETTER_LABELS.fr)).toEqual([
      { label: "Total restant dû", amount: eur(159_960), emphasis: false },
      { label: "Pénalités de retard (taux BCE + 10 points, soit 12,15 % l'an)", amount: eur(1_425), emphasis: false },
      { label: "Indemnité forfaitaire pour frais de recouvrement (40 € × 2 factures)", amount: eur(8_000), emphasis: false },
      { label: "Total à régler", amount: eur(169_385), emphasis: true },
    ]);
  });

  it("shows only the open total when nothing is charged, and takes the engine's labels", () => {
    const plain = buildFrenchB2bLetter({ penalties: undefined, recoveryIndemnity: undefined });
    expect(letterTotals(plain, LETTER_LABELS.en)).toEqual([{ label: "Total outstanding", amount: eur(159_960), emphasis: true }]);
    const swiss = buildFrenchB2bLetter({ recoveryIndemnity: undefined, penalties: { amount: eur(500), label: "Intérêts moratoires", detail: "5 % l'an" } });
    expect(letterTotals(swiss, LETTER_LABELS.fr)[1]?.label).toBe("Intérêts moratoires (5 % l'an)");
  });

  it("refuses a charge in another currency", () => {
    const letter = buildFrenchB2bLetter({ penalties: { amount: { amountMinor: 100, currency: "CHF" } } });
    expect(() => letterTotals(letter, LETTER_LABELS.fr)).toThrow(/EUR and CHF/);
  });
});
