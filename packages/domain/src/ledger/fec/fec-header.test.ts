import { describe, expect, it } from "vitest";
import { FEC_COLUMNS, parseFecHeader } from "./fec-header.ts";

describe("parseFecHeader", () => {
  it("reads the Debit/Credit variant", () => {
    const header = parseFecHeader([...FEC_COLUMNS]);
    expect(header.variant).toBe("debit-credit");
    expect(header.indexes.JournalCode).toBe(0);
    expect(header.indexes.Debit).toBe(11);
    expect(header.indexes.Idevise).toBe(17);
  });

  it("reads the Montant/Sens variant, in any case and order", () => {
    const names = FEC_COLUMNS.map((c) => (c === "Debit" ? "MONTANT" : c === "Credit" ? "sens" : c));
    const header = parseFecHeader([...names.slice(1), names[0]!]);
    expect(header.variant).toBe("montant-sens");
    expect(header.indexes.Montant).toBe(10);
    expect(header.indexes.Sens).toBe(11);
    expect(header.indexes.JournalCode).toBe(17);
    expect(header.indexes.Debit).toBeUndefined();
  });

  it("tolerates missing currency and validation columns but names other missing ones", () => {
    expect(() => parseFecHeader(FEC_COLUMNS.slice(0, 15))).not.toThrow();
    expect(() => parseFecHeader(FEC_COLUMNS.filter((c) => c !== "PieceRef" && c !== "Credit"))).toThrow(
      "This is not a FEC header: missing columns PieceRef, Credit",
    );
    expect(() => parseFecHeader(["Date", "Montant"])).toThrow(/missing columns JournalCode/);
  });
});
