import { DISPUTE_RESOLUTIONS, DISPUTE_STATUSES, type DisputeResolution, type DisputeStatus } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const isStatus = (v: unknown): v is DisputeStatus => (DISPUTE_STATUSES as readonly unknown[]).includes(v);
const isResolution = (v: unknown): v is DisputeResolution => (DISPUTE_RESOLUTIONS as readonly unknown[]).includes(v);

/** The line a dispute change shows on the case timeline, with the comment given (the why). */
export function DisputeEventSummary({ payload: p }: { payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = (v: unknown) => (isStatus(v) ? t(`disputes.statuses.${v}`) : str(v));
  const money = (v: unknown) => format.money(num(v), str(p.currency) || "EUR");
  const date = (v: unknown) => (str(v) ? format.calendarDate(str(v)) : "");
  let text: string;
  switch (p.event) {
    case "opened":
      text = t("disputes.events.opened", { reason: str(p.reasonCode), invoices: Array.isArray(p.invoices) ? p.invoices.join(", ") : "", amount: money(p.disputedMinor) });
      break;
    case "status_changed":
      text = t("disputes.events.status_changed", { from: status(p.from), to: status(p.to) });
      break;
    case "amount_changed":
      text = t("disputes.events.amount_changed", { from: money(p.from), to: money(p.to) });
      break;
    case "due_date_changed":
      text = t("disputes.events.due_date_changed", { from: date(p.from), to: date(p.to) });
      break;
    case "resolved": {
      const resolution = isResolution(p.resolution) ? t(`disputes.resolutions.${p.resolution}`) : str(p.resolution);
      text = t("disputes.events.resolved", { resolution });
      if (typeof p.creditedMinor === "number" && str(p.creditNoteNumber)) text += ` — ${t("disputes.creditNote", { number: str(p.creditNoteNumber), amount: money(p.creditedMinor) })}`;
      break;
    }
    case "escalated":
      text = t("disputes.events.escalated", { date: date(p.dueDate) });
      break;
    case "participant_added":
    case "participant_removed":
    case "access_revoked":
      // lines written before names were kept have none: the general wording then
      text = str(p.name) ? t(`disputes.events.${p.event}_named`, { name: str(p.name) }) : t(`disputes.events.${p.event}`);
      break;
    case "owner_changed":
      text = str(p.toName) ? t("disputes.events.owner_changed_named", { from: str(p.fromName) || "—", to: str(p.toName) }) : t("disputes.events.owner_changed");
      break;
    default:
      text = str(p.note);
  }
  const note = str(p.note);
  return <span data-testid="dispute-event" data-event={str(p.event)}>{note && text !== note ? `${text} — ${note}` : text}</span>;
}
