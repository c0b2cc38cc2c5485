import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { AllocationDone } from "./payment-allocation-form.tsx";

/**
 * Says what the last allocation did. It takes the focus: the allocated payment's row (and its button) usually
 * leaves the queue, and the focus must not fall back to the top of the page.
 */
export function AllocationConfirmation({ done }: { done: AllocationDone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [done]);
  const { payment } = done;
  return (
    <div className="alert alert-success" role="status" tabIndex={-1} ref={ref} data-testid="allocation-confirmation">
      <p>
        {t("matching.allocated", {
          payer: payment.payerName ?? t("matching.unknownPayer"),
          amount: format.money(done.allocatedMinor, payment.currency),
          invoices: done.invoices.map((i) => i.number).join(", "),
        })}{" "}
        {done.unappliedMinor > 0
          ? t("matching.remaining", { amount: format.money(done.unappliedMinor, payment.currency) })
          : t("matching.fullyAllocated")}
      </p>
    </div>
  );
}
