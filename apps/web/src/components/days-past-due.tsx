import { useFormatters } from "../hooks/use-formatters.ts";

/** Days past due, emphasised once late; a dash for settled items. */
export function DaysPastDue({ days }: { days: number | null }) {
  const format = useFormatters();
  if (days === null) return <span className="muted">—</span>;
  return <span className={days > 0 ? "days-late" : "muted"}>{format.integer(days)}</span>;
}
