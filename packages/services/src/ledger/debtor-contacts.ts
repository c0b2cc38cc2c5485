import { deleteDebtorContact, insertDebtorContact, updateDebtorContact, type DebtorContactRow } from "@relance/db";
import { notFound } from "@relance/domain";
import { z } from "zod";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { changeDebtor } from "./get-debtor-detail.ts";

export const CONTACT_ROLES = ["accounts_payable", "buyer", "management", "other"] as const;
export const CONTACT_CHANNELS = ["email", "letter", "sms", "phone"] as const;
export const CONTACT_LANGUAGES = ["fr", "en", "de", "it"] as const;

const id = z.uuid("Must be a valid id");
/** A form's empty field is no value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().default(null));

const contactFields = z
  .object({
    name: z.string().trim().min(1, "Give the contact's name").max(200, "At most 200 characters"),
    role: z.enum(CONTACT_ROLES, "Choose accounts payable, buyer, management or other"),
    email: optional(z.string().trim().pipe(z.email("Must be an e-mail address").max(320))),
    phone: optional(z.string().trim().regex(/^\+?[0-9][0-9 ().\/-]{4,28}[0-9]$/, "Must be a phone number, e.g. +41 22 555 01 23")),
    preferredChannel: z.enum(CONTACT_CHANNELS, "Choose e-mail, letter, SMS or phone"),
    language: optional(z.enum(CONTACT_LANGUAGES, "Choose fr, en, de or it")),
  })
  .superRefine((c, ctx) => {
    // the channel a contact prefers must be one we can reach him by
    if (c.preferredChannel === "email" && c.email === null) ctx.addIssue({ code: "custom", path: ["email"], message: "Needed to reach this contact by e-mail" });
    if ((c.preferredChannel === "sms" || c.preferredChannel === "phone") && c.phone === null) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Needed to reach this contact by SMS or phone" });
    }
  });

export const addDebtorContactInput = z.object({ debtorId: id, contact: contactFields });
export const updateDebtorContactInput = z.object({ debtorId: id, contactId: id, contact: contactFields });
export const removeDebtorContactInput = z.object({ debtorId: id, contactId: id });

const contactNotFound = () => notFound("Contact");

export const addDebtorContact = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DebtorContactRow> => {
  const { debtorId, contact } = parseInput(addDebtorContactInput, input);
  return changeDebtor(deps, actor, debtorId, async (tx) => (await insertDebtorContact(tx, { ...contact, orgId: actor.orgId, debtorId }))!);
};

export const changeDebtorContact = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DebtorContactRow> => {
  const { debtorId, contactId, contact } = parseInput(updateDebtorContactInput, input);
  return changeDebtor(deps, actor, debtorId, async (tx) => {
    const updated = await updateDebtorContact(tx, { ...contact, debtorId, contactId });
    if (!updated) throw contactNotFound();
    return updated;
  });
};

export const removeDebtorContact = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<void> => {
  const { debtorId, contactId } = parseInput(removeDebtorContactInput, input);
  await changeDebtor(deps, actor, debtorId, async (tx) => {
    if (!(await deleteDebtorContact(tx, { debtorId, contactId }))) throw contactNotFound();
  });
};
