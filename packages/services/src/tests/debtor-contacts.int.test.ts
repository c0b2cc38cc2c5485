import type { Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, ServiceDeps } from "../deps.ts";
import { addDebtorContact, changeDebtorContact, removeDebtorContact } from "../ledger/debtor-contacts.ts";
import { getDebtorDetail } from "../ledger/get-debtor-detail.ts";
import { addDebtor, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const tenant = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const rep = await buildMember(deps, org, "sales");
  const debtorId = await addDebtor(deps, org, { name: "Menuiserie Roux SARL", salesOwnerId: rep.userId });
  return { org, cm, rep, debtorId };
};
const contactsOf = async (actor: Actor, debtorId: string) =>
  (await getDebtorDetail(deps, actor, debtorId)).contacts;

const AP = { name: "Mme Roux", role: "accounts_payable", email: "compta@roux.example", phone: "", preferredChannel: "email", language: "fr" };

describe("debtor contacts", () => {
  it("are added, changed and removed by a credit manager, and shown on the debtor's page", async () => {
    const { cm, debtorId } = await tenant();
    const added = await addDebtorContact(deps, cm, { debtorId, contact: AP });
    expect(added).toMatchObject({ name: "Mme Roux", role: "accounts_payable", email: "compta@roux.example", phone: null, preferredChannel: "email", language: "fr" });
    const buyer = await addDebtorContact(deps, cm, { debtorId, contact: { name: "M. Blanc", role: "buyer", phone: "+33 4 72 00 00 01", preferredChannel: "phone" } });
    expect((await contactsOf(cm, debtorId)).map((c) => c.name)).toEqual(["M. Blanc", "Mme Roux"]);

    const changed = await changeDebtorContact(deps, cm, { debtorId, contactId: added.id, contact: { ...AP, phone: "022 555 01 23", preferredChannel: "sms" } });
    expect(changed).toMatchObject({ id: added.id, phone: "022 555 01 23", preferredChannel: "sms" });
    await removeDebtorContact(deps, cm, { debtorId, contactId: buyer.id });
    expect(await contactsOf(cm, debtorId)).toEqual([changed]);
  });

  it("refuse bad fields, naming each, and write nothing", async () => {
    const { cm, debtorId } = await tenant();
    const bad = await caught(addDebtorContact(deps, cm, { debtorId, contact: { name: " ", role: "boss", email: "roux@", preferredChannel: "fax" } }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldPaths(bad)).toEqual(["contact.email", "contact.name", "contact.preferredChannel", "contact.role"]);
    const unreachable = await caught(addDebtorContact(deps, cm, { debtorId, contact: { name: "M. Blanc", role: "buyer", preferredChannel: "sms" } }));
    expect(unreachable.details.fields).toEqual([{ path: "contact.phone", message: "Needed to reach this contact by SMS or phone" }]);
    expect(await contactsOf(cm, debtorId)).toEqual([]);
  });

  it("are changed by ledger writers only, on their own tenant's debtors and contacts", async () => {
    const { org, cm, rep, debtorId } = await tenant();
    const manager = await buildMember(deps, org, "manager");
    const contact = await addDebtorContact(deps, cm, { debtorId, contact: AP });
    // the rep owns the debtor and sees its page, but does not keep the ledger
    expect(await caught(addDebtorContact(deps, rep, { debtorId, contact: AP }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await caught(removeDebtorContact(deps, manager, { debtorId, contactId: contact.id }))).toMatchObject({ code: "FORBIDDEN" });

    const other = await tenant();
    const theirs = await addDebtorContact(deps, other.cm, { debtorId: other.debtorId, contact: AP });
    expect(await caught(addDebtorContact(deps, cm, { debtorId: other.debtorId, contact: AP }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await caught(changeDebtorContact(deps, cm, { debtorId, contactId: theirs.id, contact: AP }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await caught(removeDebtorContact(deps, cm, { debtorId, contactId: theirs.id }))).toMatchObject({ code: "NOT_FOUND" });
    // a contact of another debtor of the same tenant is not this debtor's
    const secondDebtor = await addDebtor(deps, org, { name: "Scierie Favre" });
    expect(await caught(removeDebtorContact(deps, cm, { debtorId: secondDebtor, contactId: contact.id }))).toMatchObject({ code: "NOT_FOUND" });

    expect(await contactsOf(other.cm, other.debtorId)).toEqual([theirs]);
    expect(await contactsOf(cm, debtorId)).toEqual([contact]);
  });
});
