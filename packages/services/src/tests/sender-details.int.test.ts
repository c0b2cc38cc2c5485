import { withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { sendDueActions } from "../collection/send-due-actions.ts";
import { getSenderDetails, saveSenderDetails } from "../settings/sender-details.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";
import { readPdfText } from "./read-pdf-text.ts";

const AS_OF = "2026-03-02";
const MONDAY_10H_PARIS = new Date("2026-03-02T09:00:00Z");

let db: Database;
let deps: ServiceDeps;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => {
  await db.close();
});

const FRENCH_DETAILS = {
  legalName: "Acme Équipements SAS", street: "rue de la Paix", buildingNumber: "12", postalCode: "75002", town: "Paris", addressCountry: "fr",
  phone: "+33 1 23 45 67 89", email: "recouvrement@acme.example", companyIdentifier: "552 100 554", iban: "FR76 3000 6000 0112 3456 7890 189", qrIban: "",
};

const sentLetterText = async (org: OrganizationRow): Promise<string> => {
  const [doc] = await withTenant(db.sql, org.id, (tx) => tx<{ content: Buffer }[]>`select content from generated_documents`);
  return readPdfText(doc!.content);
};

describe("sender details", () => {
  it("are saved normalized by an admin and read by any member", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const saved = await saveSenderDetails(deps, admin, FRENCH_DETAILS);
    expect(saved).toMatchObject({
      legalName: "Acme Équipements SAS", addressCountry: "FR", companyIdentifier: "552100554", iban: "FR7630006000011234567890189", qrIban: null,
    });
    const sales = await buildMember(deps, org, "sales");
    expect(await getSenderDetails(deps, sales)).toEqual(saved);
    expect((await caught(saveSenderDetails(deps, sales, FRENCH_DETAILS))).code).toBe("FORBIDDEN");
  });

  it("refuse a bad IBAN, a QR-IBAN in the IBAN field, a wrong SIREN, naming each field, and change nothing", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    await saveSenderDetails(deps, admin, FRENCH_DETAILS);
    const error = await caught(saveSenderDetails(deps, admin, {
      ...FRENCH_DETAILS, legalName: "Changed", iban: "CH44 3199 9123 0008 8901 2", qrIban: "FR76 3000 6000 0112 3456 7890 180",
      companyIdentifier: "552 100 555", email: "not-an-address", addressCountry: "XX",
    }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldPaths(error)).toEqual(["addressCountry", "companyIdentifier", "email", "iban", "qrIban"]);
    expect((await getSenderDetails(deps, admin)).legalName).toBe("Acme Équipements SAS");
  });

  it("print on the letters the engine sends: name, address, SIREN, phone and e-mail instead of dashes", async () => {
    const org = await buildOrg(deps, { name: "Acme" });
    const admin = await buildMember(deps, org, "admin");
    await saveSenderDetails(deps, admin, FRENCH_DETAILS);
    const debtorId = await addDebtor(deps, org, { name: "Négoce SARL" });
    await addInvoices(deps, org, debtorId, [{ number: "F-2026-042", dueDate: "2026-02-05", amountMinor: 125_000 }]); // +25 days: a letter
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions[0]).toMatchObject({ channel: "letter" });
    await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS });
    const text = await sentLetterText(org);
    expect(text).toContain("Acme Équipements SAS");
    expect(text).toContain("12 rue de la Paix");
    expect(text).toContain("75002 Paris");
    expect(text).toContain("SIREN 552 100 554");
    expect(text).toContain("+33 1 23 45 67 89");
    expect(text).toContain("recouvrement@acme.example");
    expect(text).toContain("F-2026-042");
    const [outbox] = await withTenant(db.sql, org.id, (tx) => tx<{ body: string }[]>`select body from outbox_messages`);
    expect(outbox!.body).not.toMatch(/ - \n|: -$/m);
  });

  it("put the QR-IBAN and the invoice's QR reference on a Swiss debtor's QR-bill", async () => {
    const org = await buildOrg(deps, { name: "Schneider", country: "CH" });
    const admin = await buildMember(deps, org, "admin");
    await saveSenderDetails(deps, admin, {
      legalName: "Robert Schneider AG", street: "Rue du Lac", buildingNumber: "1268", postalCode: "2501", town: "Biel", addressCountry: "CH",
      companyIdentifier: "CHE-109.322.551", iban: "CH93 0076 2011 6238 5295 7", qrIban: "CH44 3199 9123 0008 8901 2",
    });
    const debtorId = await addDebtor(deps, org, { name: "Pia Rutschmann", jurisdiction: "CH", city: "Rorschach" });
    await withTenant(db.sql, org.id, (tx) => tx`update debtors set address_line1 = 'Grosse Marktgasse 28', postal_code = '9400', language = 'fr' where id = ${debtorId}`);
    await addInvoices(deps, org, debtorId, [{ number: "2026-017", dueDate: "2026-02-02", amountMinor: 149_975, currency: "CHF", paymentReference: "210000000003139471430009017" }]);
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions[0]).toMatchObject({ channel: "letter" });
    expect((await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })).sent).toBe(1);
    const text = await sentLetterText(org);
    expect(text).toContain("CH44 3199 9123 0008 8901 2");
    expect(text).toContain("21 00000 00003 13947 14300 09017");
    expect(text).toContain("Robert Schneider AG");
    expect(text).toContain("Grosse Marktgasse 28");
  });
});
