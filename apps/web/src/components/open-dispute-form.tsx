import { isRole } from "@relance/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { amountInputText, parseAmountText } from "../lib/amount-text.ts";
import type { CaseDetail } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

type OpenInvoice = CaseDetail["openInvoices"][number];

/**
 * Opens a dispute on some of the case's open invoices (those not already disputed): a reason, the amount (the chosen
 * invoices' open total unless changed), the members to bring in, and optionally a due date.
 */
export function OpenDisputeForm({ caseId, invoices, disputedIds, onDone }: { caseId: string; invoices: OpenInvoice[]; disputedIds: ReadonlySet<string>; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caseDone = useCaseMutationDone();
  const format = useFormatters();
  const me = useMe();
  const id = useId();
  const reasons = useQuery(trpc.disputes.reasons.queryOptions());
  const options = useQuery(trpc.disputes.formOptions.queryOptions({ caseId }));
  const choosable = invoices.filter((i) => !disputedIds.has(i.id));
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasonId, setReasonId] = useState("");
  const [amount, setAmount] = useState("");
  const [participants, setParticipants] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<"amount" | "invoices" | null>(null);
  const open = useMutation(
    trpc.disputes.open.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
        caseDone();
        onDone();
      },
    }),
  );
  const picked = choosable.filter((i) => chosen.includes(i.id));
  const currency = picked[0]?.currency ?? choosable[0]?.currency ?? "EUR";
  const total = picked.reduce((sum, i) => sum + i.openMinor, 0);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) return setProblem("invoices");
    const parsed = parseAmountText(amount);
    const minor = parsed.ok ? (parsed.minor ?? total) : null;
    if (minor === null || minor <= 0 || minor > total) return setProblem("amount");
    setProblem(null);
    open.mutate({
      caseId, invoiceIds: picked.map((i) => i.id), reasonId, disputedMinor: minor, participantIds: participants,
      ...(dueDate ? { dueDate } : {}), ...(note.trim() ? { note } : {}),
    });
  };
  const activeReasons = (reasons.data ?? []).filter((r) => !r.retired);
  const members = (options.data?.members ?? []).filter((m) => m.userId !== me.user.id);
  return (
    <form className="case-form dispute-form" onSubmit={submit} data-testid="open-dispute-form" noValidate>
      <fieldset aria-describedby={problem === "invoices" ? `${id}-inv-error` : undefined}>
        <legend>{t("disputes.invoices")}</legend>
        {choosable.length === 0 && <p className="empty">{t("disputes.noInvoices")}</p>}
        {choosable.map((i) => (
          <label key={i.id} className="checkbox-row">
            <input type="checkbox" checked={chosen.includes(i.id)} onChange={() => setChosen((c) => toggle(c, i.id))} data-testid="dispute-invoice-choice" data-number={i.number} />
            {i.number} — {format.money(i.openMinor, i.currency)} ({format.calendarDate(i.dueDate)})
          </label>
        ))}
        {problem === "invoices" && <p id={`${id}-inv-error`} className="field-error" role="alert">{t("disputes.chooseInvoice")}</p>}
      </fieldset>
      <label htmlFor={`${id}-reason`}>{t("disputes.reason")}</label>
      <select id={`${id}-reason`} value={reasonId} onChange={(e) => setReasonId(e.target.value)} required data-testid="dispute-reason">
        <option value="" disabled>—</option>
        {activeReasons.map((r) => (
          <option key={r.id} value={r.id}>{i18n.language.startsWith("en") ? r.labelEn : r.labelFr}</option>
        ))}
      </select>
      <label htmlFor={`${id}-amount`}>{t("disputes.amount", { currency })}</label>
      <input
        id={`${id}-amount`} inputMode="decimal" value={amount} placeholder={amountInputText(total)} onChange={(e) => setAmount(e.target.value)}
        aria-invalid={problem === "amount"} aria-describedby={`${id}-amount-hint${problem === "amount" ? ` ${id}-amount-error` : ""}`} data-testid="dispute-amount"
      />
      <p id={`${id}-amount-hint`} className="muted">{t("disputes.amountHint", { total: format.money(total, currency) })}</p>
      {problem === "amount" && <p id={`${id}-amount-error`} className="field-error" role="alert">{t("disputes.invalidAmount")}</p>}
      {members.length > 0 && (
        <fieldset>
          <legend>{t("disputes.participants")}</legend>
          {members.map((m) => (
            <label key={m.userId} className="checkbox-row">
              <input type="checkbox" checked={participants.includes(m.userId)} onChange={() => setParticipants((p) => toggle(p, m.userId))} data-testid="dispute-participant" />
              {m.displayName} ({isRole(m.role) ? t(`roles.${m.role}`) : m.role})
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-due`}>{t("disputes.dueDate")}</label>
      <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-describedby={`${id}-due-hint`} data-testid="dispute-due-date" />
      <p id={`${id}-due-hint`} className="muted">{t("disputes.dueDateHint")}</p>
      <label htmlFor={`${id}-note`}>{t("disputes.note")}</label>
      <textarea id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="dispute-note" />
      {open.isError && <ErrorMessage error={open.error} />}
      <button type="submit" className="button" disabled={open.isPending || reasonId === ""} data-testid="dispute-submit">
        {open.isPending ? t("disputes.saving") : t("disputes.submit")}
      </button>
    </form>
  );
}
