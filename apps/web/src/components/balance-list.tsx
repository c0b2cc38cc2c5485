import { useFormatters } from "../hooks/use-formatters.ts";

export interface BalanceListProps {
  amounts: { currency: string; amountMinor: number }[];
}

/** One amount per currency, stacked; a dash when there is none. */
export function BalanceList({ amounts }: BalanceListProps) {
  const format = useFormatters();
  if (amounts.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="balance-list">
      {amounts.map((a) => (
        <li key={a.currency}>{format.money(a.amountMinor, a.currency)}</li>
      ))}
    </ul>
  );
}
