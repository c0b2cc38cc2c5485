import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DebtorsTable } from "../components/debtors-table.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { Pager } from "../components/pager.tsx";
import { useDebouncedValue } from "../hooks/use-debounced-value.ts";
import { useTRPC } from "../lib/trpc.ts";

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;

export function DebtorsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(0);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  // a new search starts from its first page
  useEffect(() => setPage(0), [debouncedSearch]);

  const debtors = useQuery({
    ...trpc.receivables.debtors.queryOptions({ search: debouncedSearch || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const pageCount = debtors.data ? Math.max(1, Math.ceil(debtors.data.total / PAGE_SIZE)) : 1;

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
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="debtors-search">{t("debtors.search")}</label>
          <input
            id="debtors-search"
            data-testid="debtors-search"
            type="search"
            placeholder={t("debtors.searchPlaceholder")}
            autoComplete="off"
            maxLength={200}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      {debtors.isPending ? (
        <Loading />
      ) : debtors.isError ? (
        <ErrorMessage error={debtors.error} />
      ) : (
        <>
          <DebtorsTable rows={debtors.data.rows} stale={debtors.isPlaceholderData} />
          <Pager page={page} pageCount={pageCount} onChange={setPage} disabled={debtors.isPlaceholderData} />
        </>
      )}
    </div>
  );
}
