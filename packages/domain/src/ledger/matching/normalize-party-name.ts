/**
 * Party names as banks and ledgers write them differ in case, accents, punctuation and legal form
 * ("BOULANGERIE DUPONT SAS" vs "Boulangerie Dupont"); compare them after removing all of that.
 */
const LEGAL_FORMS = new Set([
  "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "sca", "selarl", "ei", "eirl", // France
  "ag", "gmbh", "kg", "ohg", "sagl", "genossenschaft", // Switzerland, Germany
  "ltd", "llc", "inc", "plc", "bv", "nv", "srl", "spa",
]);

export const normalizePartyName = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\./g, "") // "S.A." → "sa", "S.à r.l." → "sa rl"
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !LEGAL_FORMS.has(word))
    .join(" ");

// Word order is ignored: banks often write persons as "NAME FIRSTNAME".
const nameKey = (name: string): string => normalizePartyName(name).split(" ").sort().join(" ");

/** Equal once normalized, in any word order, and not empty (a bare legal form matches nothing). */
export const partyNamesMatch = (a: string, b: string): boolean => {
  const left = nameKey(a);
  return left !== "" && left === nameKey(b);
};

export const normalizeIban = (iban: string): string => iban.replace(/\s+/g, "").toUpperCase();
