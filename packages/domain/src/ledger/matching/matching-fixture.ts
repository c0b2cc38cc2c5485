import type { MatchingContext, OpenInvoiceForMatching } from "./matching-types.ts";

/** Shared by the matching tests: three debtors and their open items. */
export const invoice = (overrides: Partial<OpenInvoiceForMatching> & Pick<OpenInvoiceForMatching, "id">): OpenInvoiceForMatching => ({
  debtorId: "D1",
  number: overrides.id,
  openMinor: 10000,
  currency: "EUR",
  dueDate: "2026-03-31",
  ...overrides,
});

export const CONTEXT: MatchingContext = {
  debtors: [
    { id: "D1", name: "Boulangerie Dupont SAS", ibans: ["FR14 2004 1010 0505 0001 3M02 606"] },
    { id: "D2", name: "Muster AG", ibans: ["CH9300762011623852957"] },
    { id: "D3", name: "Martin Sàrl" },
  ],
  openInvoices: [
    invoice({ id: "I1", number: "F-2026-0040", openMinor: 30000, dueDate: "2026-01-31" }),
    invoice({ id: "I2", number: "F-2026-0041", openMinor: 45000, dueDate: "2026-02-28" }),
    invoice({ id: "I3", number: "F-2026-0042", openMinor: 120000, dueDate: "2026-03-31", paymentReference: "RF18 0000 0000 0539 0075 4703 4" }),
    invoice({ id: "I4", number: "F-2026-0043", openMinor: 20000, dueDate: "2026-04-30" }),
    invoice({ id: "CN1", number: "AV-0001", openMinor: -5000, dueDate: "2026-03-15" }),
    invoice({ id: "I5", debtorId: "D2", number: "R-7781", openMinor: 150000, currency: "CHF", paymentReference: "210000000003139471430009017" }),
    invoice({ id: "I6", debtorId: "D2", number: "R-7782", openMinor: 25050, currency: "CHF" }),
    invoice({ id: "I7", debtorId: "D3", number: "F-2026-0050", openMinor: 45000, dueDate: "2026-02-15" }),
  ],
};
