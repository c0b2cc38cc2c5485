import { useTranslation } from "react-i18next";
import type { ImportStatus } from "../lib/ledger-api-types.ts";

const KNOWN = ["running", "succeeded", "partial", "rejected", "failed"] as const satisfies readonly ImportStatus[];
const isKnown = (status: string): status is ImportStatus => (KNOWN as readonly string[]).includes(status);

/** An import's status, translated; the raw value stays in `data-status` for scripts and tests. */
export function ImportStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge import-status-${isKnown(status) ? status : "unknown"}`} data-testid={testId} data-status={status}>
      {isKnown(status) ? t(`imports.statuses.${status}`) : status}
    </span>
  );
}
