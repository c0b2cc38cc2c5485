import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLedgerLive } from "../hooks/use-ledger-live.ts";
import { useTRPC } from "../lib/trpc.ts";
import { AllocationConfirmation } from "./allocation-confirmation.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";
import { MatchingQueueTable } from "./matching-queue-table.tsx";
import { Pager } from "./pager.tsx";
import type { AllocationDone } from "./payment-allocation-form.tsx";

const PAGE_SIZE = 20;

/**
 * The queue, a page at a time, with the confirmation of the last allocation above it. It follows the ledger live: a
 * statement imported or a payment allocated by a colleague shows without a reload.
 */
export function MatchingQueue() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useLedgerLive("payments");
  const [page, setPage] = useState(0);
  const [done, setDone] = useState<AllocationDone | null>(null);
  const queue = useQuery({ ...trpc.payments.queue.queryOptions({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const pageCount = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;
  // the last page emptied by an allocation: show the one before
  if (queue.data && page > 0 && page >= pageCount) setPage(pageCount - 1);

  return (
    <>
      <p className="muted">{t("matching.intro")}</p>
      {queue.data && (
        <p className="muted" data-testid="matching-total" aria-live="polite">
          {t("matching.total", { count: queue.data.total })}
        </p>
      )}
      {done && <AllocationConfirmation done={done} />}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} />
      ) : queue.data.payments.length === 0 ? (
        <p className="empty" data-testid="matching-empty">
          {t("matching.empty")}
        </p>
      ) : (
        <>
          <MatchingQueueTable payments={queue.data.payments} onAllocated={setDone} stale={queue.isPlaceholderData} />
          <Pager page={page} pageCount={pageCount} onChange={setPage} disabled={queue.isPlaceholderData} />
        </>
      )}
    </>
  );
}
