import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { QueuedPayment } from "../lib/ledger-api-types.ts";
import { type AllocationDone, PaymentAllocationForm } from "./payment-allocation-form.tsx";

export interface QueuedPaymentRowProps {
  payment: QueuedPayment;
  onAllocated: (done: AllocationDone) => void;
}

/** One payment waiting: what the bank says about it, and the form to allocate it. */
export function QueuedPaymentRow({ payment, onAllocated }: QueuedPaymentRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const payer = payment.payerName ?? t("matching.unknownPayer");
  return (
    <tr data-testid="queued-payment" data-payment-id={payment.id}>
      <td>{format.date(payment.bookingDate)}</td>
      <th scope="row" data-testid="queued-payment-payer">
        {payer}
        {payment.payerIban && <div className="mono muted">{payment.payerIban}</div>}
      </th>
      <td className="numeric" data-testid="queued-payment-amount">
        {format.money(payment.amountMinor, payment.currency)}
      </td>
      <td className="numeric" data-testid="queued-payment-unapplied">
        {format.money(payment.unappliedMinor, payment.currency)}
      </td>
      <td className="payment-text">
        {payment.reference && <div className="mono">{payment.reference}</div>}
        {payment.remittanceText && <div>{payment.remittanceText}</div>}
        {!payment.reference && !payment.remittanceText && <span className="muted">—</span>}
      </td>
      <td className="allocation-cell">
        <PaymentAllocationForm payment={payment} payerLabel={payer} onAllocated={onAllocated} />
      </td>
    </tr>
  );
}
