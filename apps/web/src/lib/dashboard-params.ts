/** The dashboard's filters as kept in the URL (shareable, survive a reload). */
export interface DashboardFilters {
  ownerId: string | null;
  segment: "b2b" | "b2c" | null;
  jurisdiction: "FR" | "CH" | null;
  currency: "EUR" | "CHF" | null;
  asOf: string | null;
  from: string | null;
  to: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | null =>
  text !== null && (values as readonly string[]).includes(text) ? (text as T) : null;

/** Lenient: what does not parse is left out, so an edited or outdated link still opens. */
export const readDashboardFilters = (params: URLSearchParams): DashboardFilters => {
  const owner = params.get("owner");
  const date = (name: string) => {
    const text = params.get(name);
    return text !== null && DATE.test(text) && !Number.isNaN(Date.parse(text)) ? text : null;
  };
  const from = date("from");
  const to = date("to");
  const period = from && to && from <= to ? { from, to } : { from: null, to: null };
  return {
    ownerId: owner === "none" || (owner !== null && UUID.test(owner)) ? owner : null,
    segment: oneOf(["b2b", "b2c"] as const, params.get("segment")),
    jurisdiction: oneOf(["FR", "CH"] as const, params.get("jurisdiction")),
    currency: oneOf(["EUR", "CHF"] as const, params.get("currency")),
    asOf: date("asOf"),
    ...period,
  };
};

export const writeDashboardFilters = (f: DashboardFilters): URLSearchParams => {
  const params = new URLSearchParams();
  const entries: [string, string | null][] = [
    ["owner", f.ownerId], ["segment", f.segment], ["jurisdiction", f.jurisdiction], ["currency", f.currency], ["asOf", f.asOf], ["from", f.from], ["to", f.to],
  ];
  for (const [name, value] of entries) if (value) params.set(name, value);
  return params;
};

/** The snapshot request of a set of filters; a period counts only when both ends are set and in order. */
export const snapshotRequestOf = (f: DashboardFilters) => ({
  filters: { ownerId: f.ownerId, segment: f.segment, jurisdiction: f.jurisdiction, currency: f.currency },
  ...(f.asOf ? { asOf: f.asOf } : {}),
  ...(f.from && f.to && f.from <= f.to ? { period: { from: f.from, to: f.to } } : {}),
});
