import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { fieldErrorsOf } from "./field-errors.ts";

type Kind = "fr_injonction" | "ch_payment_order";

/**
 * The court and enforcement steps of a case (an injonction de payer, a Swiss payment order) with their dates: the
 * daily run alerts before an order lapses unserved and while a continuation may be requested.
 */
export function CaseLegalProceedings({ caseId, canWrite, jurisdiction }: { caseId: string; canWrite: boolean; jurisdiction: "FR" | "CH" }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const id = useId();
  const list = useQuery(trpc.legalProceedings.list.queryOptions({ caseId }));
  const [kind, setKind] = useState<Kind>(jurisdiction === "CH" ? "ch_payment_order" : "fr_injonction");
  const [issuedOn, setIssuedOn] = useState("");
  const [servedOn, setServedOn] = useState("");
  const [reference, setReference] = useState("");
  const done = (data: unknown) => queryClient.setQueryData(trpc.legalProceedings.list.queryKey({ caseId }), data as never);
  const record = useMutation(trpc.legalProceedings.record.mutationOptions({ onSuccess: (data) => { done(data); setIssuedOn(""); setServedOn(""); setReference(""); } }));
  const serve = useMutation(trpc.legalProceedings.markServed.mutationOptions({ onSuccess: done }));
  const errors = fieldErrorsOf(record.error);
  const [serving, setServing] = useState<Record<string, string>>({});
  return (
    <section className="case-section" aria-labelledby={`${id}-title`} data-testid="case-legal">
      <h2 id={`${id}-title`}>{t("legal.title")}</h2>
      {list.data && list.data.length > 0 ? (
        <ul data-testid="legal-list">
          {list.data.map((p) => (
            <li key={p.id} data-testid="legal-item">
              {t(`legal.kinds.${p.kind}`)} — {t("legal.issued", { date: format.calendarDate(p.issuedOn) })}
              {p.reference ? ` (${p.reference})` : ""} —{" "}
              {p.servedOn ? t("legal.served", { date: format.calendarDate(p.servedOn) }) : t("legal.notServed")}
              {!p.servedOn && canWrite && (
                <form className="inline-form" onSubmit={(e) => { e.preventDefault(); serve.mutate({ caseId, proceedingId: p.id, servedOn: serving[p.id] ?? "" }); }}>
                  <label htmlFor={`${id}-${p.id}-served`}>{t("legal.servedOn")}</label>
                  <input id={`${id}-${p.id}-served`} type="date" required value={serving[p.id] ?? ""} onChange={(e) => setServing((s) => ({ ...s, [p.id]: e.target.value }))} />
                  <button type="submit" className="button button-small">{t("legal.markServed")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("legal.none")}</p>
      )}
      {serve.isError && <ErrorMessage error={serve.error} />}
      {canWrite && (
        <form
          className="case-form"
          data-testid="legal-form"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate({ caseId, kind, issuedOn, servedOn: servedOn || null, reference: reference || null });
          }}
        >
          <h3>{t("legal.record")}</h3>
          <label htmlFor={`${id}-kind`}>{t("legal.kind")}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="fr_injonction">{t("legal.kinds.fr_injonction")}</option>
            <option value="ch_payment_order">{t("legal.kinds.ch_payment_order")}</option>
          </select>
          <label htmlFor={`${id}-issued`}>{t("legal.issuedOn")}</label>
          <input id={`${id}-issued`} type="date" required value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} aria-invalid={errors.has("issuedOn")} />
          {errors.get("issuedOn") && <p className="field-error">{errors.get("issuedOn")}</p>}
          <label htmlFor={`${id}-served`}>{t("legal.servedOnOptional")}</label>
          <input id={`${id}-served`} type="date" value={servedOn} onChange={(e) => setServedOn(e.target.value)} aria-invalid={errors.has("servedOn")}
            aria-describedby={errors.has("servedOn") ? `${id}-served-error` : undefined} />
          {errors.get("servedOn") && <p className="field-error" id={`${id}-served-error`}>{errors.get("servedOn")}</p>}
          <label htmlFor={`${id}-reference`}>{t("legal.reference")}</label>
          <input id={`${id}-reference`} value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} />
          <button type="submit" className="button" disabled={record.isPending}>{t("legal.save")}</button>
          {record.isError && <ErrorMessage error={record.error} />}
        </form>
      )}
    </section>
  );
}
