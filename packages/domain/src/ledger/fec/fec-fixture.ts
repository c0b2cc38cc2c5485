/** A small FEC (Debit/Credit variant, tab-separated) shared by the FEC tests; see derive-open-receivables.test.ts. */
const HEADER =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t" +
  "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

const rows = [
  // line 2: invoice F001, never lettered → open
  ["VT", "Ventes", "VT001", "20260110", "411000", "Clients", "C001", "Dupont SA", "F001", "20260110", "Facture F001", "1200,00", "0,00", "", "", "20260110", "", ""],
  // line 3: its sales line, not a customer account → ignored
  ["VT", "Ventes", "VT001", "20260110", "706000", "Ventes", "", "", "F001", "20260110", "Facture F001", "0,00", "1000,00", "", "", "20260110", "", ""],
  // lines 4–5: invoice F002 and its payment, lettered AA on 20 Feb → closed at 31 March
  ["VT", "Ventes", "VT002", "20260115", "411000", "Clients", "C001", "Dupont SA", "F002", "20260115", "Facture F002", "500,00", "0,00", "AA", "20260220", "20260115", "", ""],
  ["BQ", "Banque", "BQ001", "20260220", "411000", "Clients", "C001", "Dupont SA", "BQ-0220", "20260220", "Règlement F002", "0,00", "500,00", "AA", "20260220", "20260220", "", ""],
  // lines 6–7: invoice F003 lettered on 10 April with a payment booked on 5 April → open at 31 March, payment not yet booked
  ["VT", "Ventes", "VT003", "20260201", "411000", "Clients", "C002", "Martin SARL", "F003", "20260201", "Facture F003", "800,00", "0,00", "AB", "20260410", "20260201", "", ""],
  ["BQ", "Banque", "BQ002", "20260405", "411000", "Clients", "C002", "Martin SARL", "BQ-0405", "20260405", "Règlement F003", "0,00", "800,00", "AB", "20260410", "20260405", "", ""],
  // line 8: a down payment not lettered → credit on account
  ["BQ", "Banque", "BQ003", "20260305", "411000", "Clients", "C001", "Dupont SA", "BQ-0305", "20260305", "Acompte", "0,00", "300,00", "", "", "20260305", "", ""],
  // line 9: a credit note
  ["VT", "Ventes", "VT004", "20260310", "411000", "Clients", "C002", "Martin SARL", "AV001", "20260310", "Avoir sur F003", "0,00", "100,00", "", "", "20260310", "", ""],
  // line 10: a customer kept as its own 411 account, no auxiliary account
  ["VT", "Ventes", "VT005", "20260315", "411DUPUIS", "Dupuis", "", "", "F004", "20260315", "Facture F004", "250,50", "0,00", "", "", "20260315", "", ""],
  // lines 11–12: invoice F005 cancelled by an unlettered reversal with the same PieceRef → balance 0, dropped
  ["VT", "Ventes", "VT006", "20260320", "411000", "Clients", "C003", "Zeta", "F005", "20260320", "Facture F005", "100,00", "0,00", "", "", "20260320", "", ""],
  ["OD", "Opérations diverses", "OD001", "20260321", "411000", "Clients", "C003", "Zeta", "F005", "20260321", "Annulation F005", "0,00", "100,00", "", "", "20260321", "", ""],
  // line 13: after the as-of date → ignored
  ["VT", "Ventes", "VT007", "20260401", "411000", "Clients", "C001", "Dupont SA", "F006", "20260401", "Facture F006", "90,00", "0,00", "", "", "20260401", "", ""],
];

export const FEC_SAMPLE = [HEADER, ...rows.map((row) => row.join("\t"))].join("\r\n") + "\r\n";
