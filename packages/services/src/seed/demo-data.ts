import { addDays, type Country, type Currency, type Role } from "@relance/domain";
import { createRandom, fakeSiren, fakeSwissUid, type Random } from "./random.ts";

export const DEMO_PASSWORD = "relance-demo";

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
}
export interface DemoOrg {
  slug: string;
  name: string;
  country: Country;
  users: DemoUser[];
  debtorCount: number;
  invoicePrefix: string;
  seed: number;
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    slug: "durand",
    name: "Durand Industrie SAS",
    country: "FR",
    debtorCount: 320,
    invoicePrefix: "FA",
    seed: 20261,
    users: [
      { email: "claire.martin@durand-industrie.example", displayName: "Claire Martin", role: "admin" },
      { email: "sophie.bernard@durand-industrie.example", displayName: "Sophie Bernard", role: "credit_manager" },
      { email: "lucas.petit@durand-industrie.example", displayName: "Lucas Petit", role: "billing" },
      { email: "thomas.roux@durand-industrie.example", displayName: "Thomas Roux", role: "sales" },
      { email: "emma.girard@durand-industrie.example", displayName: "Emma Girard", role: "sales" },
      { email: "marc.lefebvre@durand-industrie.example", displayName: "Marc Lefebvre", role: "manager" },
    ],
  },
  {
    slug: "alpenbau",
    name: "Alpenbau SA",
    country: "CH",
    debtorCount: 60,
    invoicePrefix: "RE",
    seed: 20262,
    users: [
      { email: "beat.meier@alpenbau.example", displayName: "Beat Meier", role: "admin" },
      { email: "anna.keller@alpenbau.example", displayName: "Anna Keller", role: "credit_manager" },
      { email: "luca.rossi@alpenbau.example", displayName: "Luca Rossi", role: "sales" },
    ],
  },
];

const TRADES_FR = ["Boulangerie", "Transports", "Menuiserie", "Garage", "Imprimerie", "Laboratoires", "Atelier", "Brasserie",
  "Électricité", "Plomberie", "Fromagerie", "Vignobles", "Hôtel", "Librairie", "Quincaillerie", "Textiles", "Logistique",
  "Bâtiment", "Carrosserie", "Serrurerie", "Paysages", "Charpente"];
const TRADES_CH = ["Bau", "Transporte", "Holzbau", "Garage", "Druckerei", "Boulangerie", "Menuiserie", "Elektro", "Sanitär",
  "Käserei", "Weinbau", "Hôtellerie", "Logistik", "Architectes"];
const SURNAMES_FR = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
  "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau",
  "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin", "Chevalier", "Gauthier"];
const SURNAMES_CH = ["Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Favre", "Rochat", "Bonvin", "Rossi",
  "Brunner", "Steiner", "Fischer", "Gerber", "Baumann", "Moser", "Zimmermann", "Morand", "Pittet", "Blanc"];
const FIRST_NAMES = ["Jean", "Marie", "Pierre", "Nathalie", "Philippe", "Isabelle", "Nicolas", "Camille", "Julien", "Léa"];
const CITIES_FR = ["Lyon", "Paris", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille", "Strasbourg", "Rennes",
  "Grenoble", "Dijon", "Annecy", "Clermont-Ferrand", "Saint-Étienne", "Villeurbanne", "Valence"];
const CITIES_CH = ["Genève", "Lausanne", "Zürich", "Basel", "Bern", "Fribourg", "Neuchâtel", "Sion", "Lugano", "Winterthur"];
const FORMS_FR = ["SAS", "SARL", "SA", "EURL", "SASU"];
const FORMS_CH = ["AG", "SA", "Sàrl", "GmbH"];

export interface DemoDebtor {
  externalId: string;
  name: string;
  country: string;
  city: string;
  segment: "b2b" | "b2c";
  jurisdiction: Country;
  identifier: string | null;
  language: string;
  paymentTermsDays: number;
  currency: Currency;
  salesOwnerIndex: number | null;
}

export interface DemoInvoice {
  debtorIndex: number;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
}

const makeDebtor = (random: Random, org: DemoOrg, index: number, salesCount: number): DemoDebtor => {
  const swiss = org.country === "CH" ? !random.chance(0.1) : random.chance(0.12);
  const consumer = random.chance(0.1);
  const surname = random.pick(swiss ? SURNAMES_CH : SURNAMES_FR);
  const name = consumer
    ? `${random.pick(FIRST_NAMES)} ${surname}`
    : `${random.pick(swiss ? TRADES_CH : TRADES_FR)} ${surname} ${random.pick(swiss ? FORMS_CH : FORMS_FR)}`;
  const jurisdiction: Country = swiss ? "CH" : "FR";
  return {
    externalId: `C${String(10_000 + index)}`,
    name,
    country: swiss ? "CH" : "FR",
    city: random.pick(swiss ? CITIES_CH : CITIES_FR),
    segment: consumer ? "b2c" : "b2b",
    jurisdiction,
    identifier: consumer ? null : swiss ? fakeSwissUid(random) : fakeSiren(random),
    language: swiss && random.chance(0.4) ? "de" : "fr",
    paymentTermsDays: consumer ? 0 : random.pick([30, 30, 45, 60]),
    currency: swiss ? (random.chance(0.85) ? "CHF" : "EUR") : "EUR",
    salesOwnerIndex: consumer || salesCount === 0 || random.chance(0.1) ? null : random.int(0, salesCount - 1),
  };
};

/** Debtors and their invoices, with dates relative to `today` so the demo always has current and overdue items. */
export const generateDemoLedger = (org: DemoOrg, today: string): { debtors: DemoDebtor[]; invoices: DemoInvoice[] } => {
  const random = createRandom(org.seed);
  const salesCount = org.users.filter((u) => u.role === "sales").length;
  const debtors = Array.from({ length: org.debtorCount }, (_, i) => makeDebtor(random, org, i, salesCount));
  const invoices: DemoInvoice[] = [];
  const year = today.slice(0, 4);
  debtors.forEach((debtor, debtorIndex) => {
    const count = random.int(1, 5);
    for (let k = 0; k < count; k++) {
      const issueDate = addDays(today, -random.int(3, 240));
      const dueDate = addDays(issueDate, debtor.paymentTermsDays);
      // mostly a few thousand, sometimes large: a skewed spread like real books
      const amountMinor = Math.round(12_000 * Math.exp(random.next() * 6)) ;
      const roll = random.next();
      const openMinor = roll < 0.68 ? amountMinor : roll < 0.83 ? Math.round(amountMinor * random.int(20, 80) / 100) : 0;
      invoices.push({
        debtorIndex,
        number: `${org.invoicePrefix}-${year}-${String(invoices.length + 1).padStart(5, "0")}`,
        issueDate,
        dueDate,
        currency: debtor.currency,
        amountMinor,
        openMinor,
      });
    }
  });
  return { debtors, invoices };
};

/** The collection stage a case starts in, from how late its oldest invoice is. */
export const stageForDaysLate = (daysLate: number): string =>
  daysLate < 15 ? "reminder_1" : daysLate < 30 ? "reminder_2" : daysLate < 60 ? "formal_notice" : "pre_litigation";
