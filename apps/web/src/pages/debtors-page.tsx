import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DebtorFilters } from "../components/debtor-filters.tsx";
import { DebtorsTable } from "../components/debtors-table.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { Pager } from "../components/pager.tsx";
import { readDebtorView, writeDebtorView, type DebtorListView } from "../lib/debtor-list-params.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/receivable-lists.css";

const PAGE_SIZE = 50;

/** The debtor list; its search, sort, filters and page live in the query string. */
export function DebtorsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { view, page } = readDebtorView(params);

  const debtors = useQuery({
    ...trpc.debtors.list.queryOptions({
      search: view.search ?? undefined,
      sort: view.sort,
      segment: view.segment ?? undefined,
      jurisdiction: view.jurisdiction ?? undefined,
      ownerId: view.ownerId ?? undefined,
      overdueOnly: view.overdueOnly,
      overLimitOnly: view.overLimitOnly,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const owners = useQuery(trpc.debtors.owners.queryOptions());
  const pageCount = debtors.data ? Math.max(1, Math.ceil(debtors.data.total / PAGE_SIZE)) : 1;

  // a new search, sort or filter starts from its first page
  const change = (patch: Partial<DebtorListView>) => setParams(writeDebtorView({ ...view, ...patch }));

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("debtors.title")}</h1>
        {debtors.data && (
          <p className="muted" data-testid="debtors-total" aria-live="polite">
            {t("debtors.total", { count: debtors.data.total })}
          </p>
        )}
      </div>
      <DebtorFilters view={view} owners={owners.data ?? []} onChange={change} />
      {debtors.isPending ? (
        <Loading />
      ) : debtors.isError ? (
        <ErrorMessage error={debtors.error} />
      ) : (
        <>
          <DebtorsTable rows={debtors.data.rows} stale={debtors.isPlaceholderData} />
          <Pager page={page} pageCount={pageCount} onChange={(next) => setParams(writeDebtorView(view, next))} disabled={debtors.isPlaceholderData} />
        </>
      )}
    </div>
  );
}
