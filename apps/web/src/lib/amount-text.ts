/** Amounts typed in major units (`1 500,50`, `1'500.50`, `1500`) to minor units and back, for two-decimal currencies. */
export type ParsedAmount = { ok: true; minor: number | null } | { ok: false };

const AMOUNT = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/;

/** Empty text is no amount; anything but a number with at most two decimals is invalid. */
export const parseAmountText = (text: string): ParsedAmount => {
  const compact = text.replace(/[\s\u00a0\u202f'’]/g, "");
  if (compact === "") return { ok: true, minor: null };
  const match = AMOUNT.exec(compact);
  if (!match) return { ok: false };
  const minor = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return { ok: true, minor: match[1] === "-" && minor !== 0 ? -minor : minor };
};

/** Minor units as the text of an input: no grouping, a dot and two decimals only when there are cents. */
export const amountInputText = (minor: number | null): string => {
  if (minor === null) return "";
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents === 0 ? "" : `.${String(cents).padStart(2, "0")}`}`;
};
