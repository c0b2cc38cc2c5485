import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "./canonical-columns.ts";
import { autoMapHeader, normalizeHeaderName } from "./auto-map-header.ts";

describe("normalizeHeaderName", () => {
  it("drops case, accents, spaces and punctuation", () => {
    expect(normalizeHeaderName("Date d'échéance")).toBe("datedecheance");
    expect(normalizeHeaderName("N° facture")).toBe("nfacture");
    expect(normalizeHeaderName("  Reste dû ")).toBe("restedu");
    expect(normalizeHeaderName("debtor_external_id")).toBe("debtorexternalid");
  });
});

describe("autoMapHeader", () => {
  it("maps the canonical names whatever their case and spacing", () => {
    const header = CANONICAL_FIELDS.map((f) => f.toUpperCase().replaceAll("_", " "));
    const { mapping, missingRequired, unusedColumns } = autoMapHeader(header);
    expect(mapping.columns).toEqual(Object.fromEntries(CANONICAL_FIELDS.map((f, i) => [f, header[i]])));
    expect(missingRequired).toEqual([]);
    expect(unusedColumns).toEqual([]);
  });

  it("maps a typical French export", () => {
    const header = ["Code client", "Client", "Pays", "N° facture", "Date facture", "Date d'échéance", "Montant TTC", "Reste dû", "Devise", "Commentaire"];
    const result = autoMapHeader(header);
    expect(result.mapping.columns).toEqual({
      debtor_external_id: "Code client",
      debtor_name: "Client",
      debtor_country: "Pays",
      invoice_number: "N° facture",
      issue_date: "Date facture",
      due_date: "Date d'échéance",
      amount: "Montant TTC",
      open_amount: "Reste dû",
      currency: "Devise",
    });
    expect(result.missingRequired).toEqual(["debtor_segment"]);
    expect(result.unusedColumns).toEqual(["Commentaire"]);
    expect(result.mapping.options).toEqual({ delimiter: "auto", decimalSeparator: "auto", dateFormat: "auto", encoding: "auto" });
  });

  it("prefers an exact canonical name over a synonym and uses each column once", () => {
    const result = autoMapHeader(["Montant", "amount", "Échéance", "Date"]);
    expect(result.mapping.columns.amount).toBe("amount");
    expect(result.mapping.columns.open_amount).toBeUndefined();
    expect(result.mapping.columns.due_date).toBe("Échéance");
    expect(result.mapping.columns.issue_date).toBe("Date");
    expect(result.unusedColumns).toEqual(["Montant"]);
  });
});
