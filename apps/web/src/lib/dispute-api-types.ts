import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

/** Shapes of the disputes procedures, inferred from the server's router (types only). */
type Api = typeof trpcOptions;

export type Dispute = inferOutput<Api["disputes"]["get"]>;
export type DisputeReason = inferOutput<Api["disputes"]["reasons"]>[number];

/** A duration in milliseconds as `3 d 04:05:06` (days only when there are any): a clock that ticks. */
export const formatClock = (ms: number, dayUnit: string): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hms = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days} ${dayUnit} ${hms}` : hms;
};
