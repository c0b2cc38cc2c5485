import type { TenantTx } from "../database.ts";

/** What letters and the QR-bill say about the creditor; null where the tenant has not filled a field in. */
export interface SenderDetailsRow {
  /** The organization's display name, used when no legal name is set. */
  orgName: string;
  country: "FR" | "CH";
  legalName: string | null;
  street: string | null;
  buildingNumber: string | null;
  postalCode: string | null;
  town: string | null;
  addressCountry: string | null;
  phone: string | null;
  email: string | null;
  companyIdentifier: string | null;
  iban: string | null;
  qrIban: string | null;
}

export type SenderDetailsUpdate = Omit<SenderDetailsRow, "orgName" | "country">;

/** The tenant's sender details (row-level security leaves one organization visible). */
export const findSenderDetails = async (tx: TenantTx): Promise<SenderDetailsRow> => {
  const [row] = await tx<SenderDetailsRow[]>`
    select name as "orgName", country, legal_name as "legalName", street, building_number as "buildingNumber", postal_code as "postalCode",
      town, address_country as "addressCountry", phone, sender_email as email, company_identifier as "companyIdentifier", iban, qr_iban as "qrIban"
    from organizations`;
  if (!row) throw new Error("No organization visible in this tenant transaction");
  return row;
};

export const updateSenderDetails = async (tx: TenantTx, d: SenderDetailsUpdate): Promise<void> => {
  await tx`
    update organizations set legal_name = ${d.legalName}, street = ${d.street}, building_number = ${d.buildingNumber}, postal_code = ${d.postalCode},
      town = ${d.town}, address_country = ${d.addressCountry}, phone = ${d.phone}, sender_email = ${d.email},
      company_identifier = ${d.companyIdentifier}, iban = ${d.iban}, qr_iban = ${d.qrIban}`;
};
