import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { errorDataOf } from "../lib/errors.ts";
import type { InvoiceChoice, QueuedPayment } from "../lib/ledger-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { InvoiceChoiceList } from "./invoice-choice-list.tsx";
import { InvoiceSearch } from "./invoice-search.tsx";

export interface AllocationDone {
  payment: QueuedPayment;
  invoices: InvoiceChoice[];
  allocatedMinor: number;
  unappliedMinor: number;
}

export interface PaymentAllocationFormProps {
  payment: QueuedPayment;
  payerLabel: string;
  onAllocated: (done: AllocationDone) => void;
}

/** Tick the invoices a payment settles (suggested or searched), then allocate: two clicks for the usual case. */
export function PaymentAllocationForm({ payment, payerLabel, onAllocated }: PaymentAllocationFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [selected, setSelected] = useState<ReadonlyMap<string, InvoiceChoice>>(new Map());
  const allocate = useMutation(
    trpc.payments.allocate.mutationOptions({
      onSuccess: (result) => {
        const invoices = [...selected.values()];
        setSelected(new Map());
        onAllocated({
          payment,
          invoices: invoices.filter((i) => result.allocations.some((a) => a.invoiceId === i.invoiceId)),
          allocatedMinor: result.allocations.reduce((sum, a) => sum + a.amountMinor, 0),
          unappliedMinor: result.unappliedMinor,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.receivables.pathKey() });
      },
      // someone else may have allocated it meanwhile: show the queue as it is now
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.payments.queue.queryKey() }),
    }),
  );

  const toggle = (choice: InvoiceChoice, checked: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (checked) next.set(choice.invoiceId, choice);
      else next.delete(choice.invoiceId);
      return next;
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selected.size === 0) return;
    allocate.mutate({ paymentId: payment.id, invoiceIds: [...selected.keys()] });
  };

  const selectedIds = new Set(selected.keys());
  const selectedOpen = [...selected.values()].reduce((sum, i) => sum + i.openMinor, 0);
  const date = format.date(payment.bookingDate);
  const statusId = `allocation-selection-${payment.id}`;
  return (
    <form className="allocation-form" onSubmit={submit} data-testid="allocation-form">
      {payment.suggestions.length > 0 ? (
        <InvoiceChoiceList
          legend={t("matching.suggestions")}
          choices={payment.suggestions}
          selected={selectedIds}
          onToggle={toggle}
          unappliedMinor={payment.unappliedMinor}
          testId="suggestion"
          idPrefix={`suggestion-${payment.id}`}
          disabled={allocate.isPending}
        />
      ) : (
        <p className="empty">{t("matching.noSuggestions")}</p>
      )}
      <InvoiceSearch paymentId={payment.id} unappliedMinor={payment.unappliedMinor} selected={selectedIds} onToggle={toggle} disabled={allocate.isPending} />
      <div className="actions-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="allocate"
          disabled={selected.size === 0 || allocate.isPending}
          aria-label={t("matching.allocateLabel", { payer: payerLabel, date })}
          aria-describedby={statusId}
        >
          {allocate.isPending ? t("matching.allocating") : t("matching.allocate")}
        </button>
        <p className="hint" id={statusId} aria-live="polite" data-testid="allocation-selection">
          {selected.size === 0
            ? t("matching.noneSelected")
            : `${t("matching.selected", { count: selected.size, amount: format.money(selectedOpen, payment.currency) })} — ${[...selected.values()].map((i) => i.number).join(", ")}`}
        </p>
      </div>
      {allocate.isError &&
        (errorDataOf(allocate.error)?.key === "payments.fullyAllocated" ? (
          <div className="alert alert-error" role="alert" data-testid="error-message">
            <p>{t("matching.alreadyAllocated")}</p>
          </div>
        ) : (
          <ErrorMessage error={allocate.error} />
        ))}
    </form>
  );
}
