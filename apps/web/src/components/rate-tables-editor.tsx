import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { fieldErrorsOf } from "./field-errors.ts";
import { Loading } from "./loading.tsx";

const KINDS = ["ecb_refinancing", "fr_legal_rate_individual", "fr_legal_rate_other", "ch_default_interest", "fr_recovery_indemnity"] as const;
type Kind = (typeof KINDS)[number];

interface DraftEntry {
  validFrom: string;
  /** The rate in percent, or for the indemnity the amount in units ("40" or "40,00"). */
  value: string;
  currency: string;
  source: string;
}

/** "40", "40,5", "40.50" → 4000, 4050, 4050 minor units, by text (no float); anything else → null, which the server names. */
const toMinor = (text: string): number | null => {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
};

const fromMinor = (minor: number): string => `${Math.trunc(minor / 100)}${minor % 100 === 0 ? "" : `,${String(minor % 100).padStart(2, "0")}`}`;

/** Admin: the dated rates (ECB, legal rates, Swiss default interest) and the €40 indemnity, one table at a time. */
export function RateTablesEditor() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const tables = useQuery(trpc.collectionSettings.rateTables.queryOptions());
  const [kind, setKind] = useState<Kind>("ecb_refinancing");
  const table = tables.data?.find((x) => x.kind === kind);
  const isAmount = kind === "fr_recovery_indemnity";
  const [rows, setRows] = useState<DraftEntry[]>([]);
  useEffect(() => {
    if (!table) return;
    setRows(table.entries.map((e) => ({
      validFrom: e.validFrom, value: e.ratePercent ?? (e.amountMinor === null ? "" : fromMinor(e.amountMinor)), currency: e.currency ?? "EUR", source: e.source ?? "",
    })));
  }, [table]);
  const save = useMutation(
    trpc.collectionSettings.saveRateTable.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.collectionSettings.rateTables.queryKey() }),
    }),
  );
  if (tables.isPending) return <Loading />;
  if (tables.error) return <ErrorMessage error={tables.error} />;
  const errors = fieldErrorsOf(save.error);
  const valueField = isAmount ? "amountMinor" : "ratePercent";
  const update = (index: number, change: Partial<DraftEntry>) => setRows((list) => list.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const rowError = (index: number, field: string) => errors.get(`entries.${index}.${field}`);
  const described = (index: number, field: string) => ({
    "aria-invalid": rowError(index, field) !== undefined,
    "aria-describedby": rowError(index, field) !== undefined ? `${id}-${index}-${field}-error` : undefined,
  });
  const errorText = (index: number, field: string) => {
    const message = rowError(index, field);
    return message === undefined ? null : <p className="field-error" id={`${id}-${index}-${field}-error`} data-testid="rate-row-error">{message}</p>;
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="rate-tables-editor">
      <h2 id={`${id}-title`}>{t("collectionSettings.ratesTitle")}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t("collectionSettings.rateTable")}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => { setKind(e.target.value as Kind); save.reset(); }} data-testid="rate-kind">
          {KINDS.map((k) => <option key={k} value={k}>{t(`collectionSettings.kinds.${k}`)}</option>)}
        </select>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            kind,
            entries: rows.map((r) => ({
              validFrom: r.validFrom, source: r.source,
              ...(isAmount ? { amountMinor: toMinor(r.value), currency: r.currency } : { ratePercent: r.value.replace(",", ".") }),
            })),
          });
        }}
      >
        <div className="table-wrap">
          <table className="table" data-testid="rate-entries">
            <caption className="visually-hidden">{t(`collectionSettings.kinds.${kind}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("collectionSettings.validFrom")}</th>
                <th scope="col">{isAmount ? t("collectionSettings.amount") : t("collectionSettings.ratePercent")}</th>
                <th scope="col">{t("collectionSettings.source")}</th>
                <th scope="col"><span className="visually-hidden">{t("collectionSettings.stepActions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} data-testid="rate-entry">
                  <td>
                    <input type="date" value={row.validFrom} aria-label={t("collectionSettings.validFromOf", { n: index + 1 })}
                      onChange={(e) => update(index, { validFrom: e.target.value })} data-testid="rate-valid-from" {...described(index, "validFrom")} />
                    {errorText(index, "validFrom")}
                    {errors.has(`entries.${index}`) && <p className="field-error" data-testid="rate-row-error">{errors.get(`entries.${index}`)}</p>}
                  </td>
                  <td>
                    <input inputMode="decimal" value={row.value} aria-label={t("collectionSettings.valueOf", { n: index + 1 })}
                      onChange={(e) => update(index, { value: e.target.value })} data-testid="rate-value" {...described(index, valueField)} />
                    {errorText(index, valueField)}
                  </td>
                  <td>
                    <input value={row.source} aria-label={t("collectionSettings.sourceOf", { n: index + 1 })} onChange={(e) => update(index, { source: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="button button-small button-quiet" onClick={() => setRows((l) => l.filter((_, i) => i !== index))}
                      aria-label={t("collectionSettings.removeEntry", { n: index + 1 })}>✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors.get("entries") && <p className="field-error">{errors.get("entries")}</p>}
        <button type="button" className="button button-small button-quiet" data-testid="rate-add"
          onClick={() => setRows((l) => [...l, { validFrom: "", value: "", currency: isAmount ? "EUR" : "", source: "" }])}>
          {t("collectionSettings.addEntry")}
        </button>
        <button type="submit" className="button" disabled={save.isPending} data-testid="rate-save">
          {t("collectionSettings.saveTable")}
        </button>
        <p role="status" className="muted" data-testid="rate-saved">{save.isSuccess ? t("collectionSettings.tableSaved") : ""}</p>
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </section>
  );
}
