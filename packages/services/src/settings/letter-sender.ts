import type { SenderDetailsRow } from "@relance/db";
import { parseCompanyIdentifier, type CompanyIdentifier } from "@relance/domain";
import type { LetterSender } from "../channels/letters/letter-model.ts";
import type { QrBillAddress } from "../channels/letters/qr-bill/qr-bill-data.ts";

export const senderNameOf = (d: SenderDetailsRow): string => d.legalName ?? d.orgName;

/** "Rue du Lac 1268" in Switzerland, "12 rue de la Paix" in France. */
const streetLineOf = (d: SenderDetailsRow): string | null => {
  if (d.street === null) return d.buildingNumber;
  if (d.buildingNumber === null) return d.street;
  return (d.addressCountry ?? d.country) === "CH" ? `${d.street} ${d.buildingNumber}` : `${d.buildingNumber} ${d.street}`;
};

/** The postal address as printed lines: street, postal code and town, country; lines with nothing are left out. */
export const senderAddressLines = (d: SenderDetailsRow): string[] => {
  const town = [d.postalCode, d.town].filter((p) => p !== null).join(" ");
  const country = d.addressCountry !== null && d.addressCountry !== d.country ? d.addressCountry : null;
  return [streetLineOf(d), town === "" ? null : town, country].filter((l): l is string => l !== null);
};

const identifierOf = (d: SenderDetailsRow): CompanyIdentifier | undefined => {
  if (d.companyIdentifier === null) return undefined;
  const outcome = parseCompanyIdentifier(d.companyIdentifier);
  return outcome.ok ? outcome.value : undefined;
};

/** The letterhead: name, address, SIREN/UID, and the phone and e-mail the debtor can reach. */
export const letterSenderOf = (d: SenderDetailsRow): LetterSender => {
  const identifier = identifierOf(d);
  const contact = [d.phone, d.email].filter((c): c is string => c !== null).join(" · ");
  return {
    name: senderNameOf(d),
    addressLines: senderAddressLines(d),
    ...(identifier === undefined ? {} : { identifier }),
    ...(contact === "" ? {} : { contactLines: [contact] }),
  };
};

/** The creditor block of the QR-bill, which needs a postal code and a town; null when they are missing. */
export const qrBillCreditorOf = (d: SenderDetailsRow): QrBillAddress | null => {
  if (d.postalCode === null || d.town === null) return null;
  return {
    name: senderNameOf(d).slice(0, 70),
    ...(d.street === null ? {} : { street: d.street }),
    ...(d.buildingNumber === null ? {} : { buildingNumber: d.buildingNumber }),
    postalCode: d.postalCode,
    town: d.town,
    country: d.addressCountry ?? d.country,
  };
};
