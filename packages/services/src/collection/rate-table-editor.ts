import { listRateTableEntries, replaceRateTableEntries, withTenant, type RateTableEntryRow } from "@relance/db";
import { parseOrThrow, parseRateTable, recoveryIndemnityTableSchema, RATE_TABLE_KINDS } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { ensureDefaultRateTables } from "./dunning-policies.ts";
import { requireAdmin } from "./policy-editor.ts";

/** The tables an admin edits: the four rates, and the flat recovery indemnity (an amount). */
export const EDITABLE_RATE_TABLES = [...RATE_TABLE_KINDS, "fr_recovery_indemnity"] as const;
export type EditableRateTable = (typeof EDITABLE_RATE_TABLES)[number];

export interface RateTableView {
  kind: EditableRateTable;
  entries: { validFrom: string; ratePercent: string | null; amountMinor: number | null; currency: string | null; source: string | null }[];
}

export const listEditableRateTables = async (deps: ServiceDeps, actor: Actor): Promise<RateTableView[]> => {
  await ensureDefaultRateTables(deps, actor.orgId);
  const rows = await withTenant(deps.db.sql, actor.orgId, (tx) => listRateTableEntries(tx));
  return EDITABLE_RATE_TABLES.map((kind) => ({
    kind,
    entries: rows.filter((r) => r.kind === kind).map(({ kind: _k, ...e }) => e),
  }));
};

const blankToUndefined = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === "" ? undefined : v.trim());

export const saveRateTableInput = z.object({
  kind: z.enum(EDITABLE_RATE_TABLES),
  entries: z.array(
    z.object({
      validFrom: z.string(),
      ratePercent: z.string().nullish(),
      amountMinor: z.number().nullish(),
      currency: z.string().nullish(),
      source: z.string().max(500, "At most 500 characters").nullish(),
    }),
  ).max(200, "At most 200 entries"),
});

/**
 * Replaces one table with the edited entries, oldest first. Each row is checked by the domain (a date, a decimal
 * rate or a whole amount, dates increasing) and a bad one is named (`entries.3.ratePercent`); nothing is saved then.
 * Actions already planned keep the penalties computed when they were planned.
 */
export const saveRateTable = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<RateTableView> => {
  requireAdmin(actor);
  const v = parseInput(saveRateTableInput, input);
  let rows: RateTableEntryRow[];
  if (v.kind === "fr_recovery_indemnity") {
    const table = parseOrThrow(
      recoveryIndemnityTableSchema,
      { kind: v.kind, entries: v.entries.map((e) => ({ validFrom: e.validFrom, amountMinor: e.amountMinor, currency: blankToUndefined(e.currency) ?? "EUR" })) },
      "rate table", "collection.invalidRateTable",
    );
    rows = table.entries.map((e, i) => ({ kind: v.kind, validFrom: e.validFrom, ratePercent: null, amountMinor: e.amountMinor, currency: e.currency, source: blankToUndefined(v.entries[i]!.source) ?? null }));
  } else {
    const table = parseRateTable({
      kind: v.kind,
      entries: v.entries.map((e) => ({ validFrom: e.validFrom, ratePercent: blankToUndefined(e.ratePercent), ...(blankToUndefined(e.source) ? { source: blankToUndefined(e.source) } : {}) })),
    });
    rows = table.entries.map((e) => ({ kind: v.kind, validFrom: e.validFrom, ratePercent: e.ratePercent, amountMinor: null, currency: null, source: e.source ?? null }));
  }
  await withTenant(deps.db.sql, actor.orgId, (tx) => replaceRateTableEntries(tx, actor.orgId, v.kind, rows));
  return { kind: v.kind, entries: rows.map(({ kind: _k, ...e }) => e) };
};
