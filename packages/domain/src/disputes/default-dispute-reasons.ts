/** The reasons every tenant starts with; admins rename, add and retire them. */
export const DEFAULT_DISPUTE_REASONS: readonly { code: string; labelFr: string; labelEn: string }[] = [
  { code: "price", labelFr: "Prix", labelEn: "Price" },
  { code: "quantity", labelFr: "Quantité", labelEn: "Quantity" },
  { code: "quality", labelFr: "Qualité", labelEn: "Quality" },
  { code: "delivery", labelFr: "Livraison", labelEn: "Delivery" },
  { code: "missing_po", labelFr: "Bon de commande manquant", labelEn: "Missing PO" },
  { code: "duplicate_billing", labelFr: "Double facturation", labelEn: "Duplicate billing" },
  { code: "already_paid", labelFr: "Déjà payée", labelEn: "Already paid" },
  { code: "other", labelFr: "Autre", labelEn: "Other" },
];

/** A reason code: lower-case letters, digits and underscores, as stored and referenced in reports. */
export const DISPUTE_REASON_CODE = /^[a-z][a-z0-9_]{1,39}$/;
