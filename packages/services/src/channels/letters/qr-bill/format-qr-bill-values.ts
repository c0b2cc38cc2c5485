import type { QrBillAddress, QrReferenceType } from "./qr-bill-data.ts";

/** QRR in blocks of five from the right (21 00000 00003 …), SCOR in blocks of four from the left, as the style guide prints them. */
export const formatQrReference = (type: QrReferenceType, reference: string): string => {
  if (type === "QRR") return reference.replace(/\B(?=(\d{5})+$)/g, " ");
  return reference.replace(/(.{4})(?=.)/g, "$1 ");
};

/** `1 949.75`: a space between thousands and a point before the cents, whatever the letter's language. */
export const formatSlipAmount = (amount: string): string => {
  const [units = "", cents = ""] = amount.split(".");
  return `${units.replace(/\B(?=(\d{3})+$)/g, " ")}.${cents}`;
};

/** Name, street and number, postal code and town; the country is shown only for addresses outside Switzerland. */
export const slipAddressLines = (address: QrBillAddress): string[] => {
  const street = [address.street ?? "", address.buildingNumber ?? ""].map((part) => part.trim()).filter((part) => part !== "").join(" ");
  const country = address.country.trim().toUpperCase();
  const town = `${country === "CH" ? "" : `${country}-`}${address.postalCode.trim()} ${address.town.trim()}`;
  return [address.name.trim(), ...(street === "" ? [] : [street]), town];
};
