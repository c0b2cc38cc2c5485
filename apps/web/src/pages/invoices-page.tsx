import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { InvoiceFilters } from "../components/invoice-filters.tsx";
import { InvoicesTable } from "../components/invoices-table.tsx";
import { Loading } from "../components/loading.tsx";
import { Pager } from "../components/pager.tsx";
import { SavedViews } from "../components/saved-views.tsx";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { InvoiceView } from "../lib/api-types.ts";
import { DEFAULT_INVOICE_VIEW, readInvoiceView, sortedBy, writeInvoiceView } from "../lib/invoice-view-params.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/receivable-lists.css";

const PAGE_SIZE = 50;

/** The invoice list; its filters, sort and page live in the query string, so a view is a link. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const { view, page } = readInvoiceView(params);

  const invoices = useQuery({
    ...trpc.invoices.list.queryOptions({ filters: view, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const owners = useQuery(trpc.debtors.owners.queryOptions());
  const pageCount = invoices.data ? Math.max(1, Math.ceil(invoices.data.total / PAGE_SIZE)) : 1;

  // a new filter or sort starts from its first page; the history keeps one entry per change
  const show = (next: InvoiceView, nextPage = 0) => setParams(writeInvoiceView(next, nextPage));
  const change = (patch: Partial<InvoiceView>) => show({ ...view, ...patch });

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("invoices.title")}</h1>
        {invoices.data && (
          <p className="muted" data-testid="invoices-total" aria-live="polite">
            {t("invoices.total", { count: invoices.data.total })} · {t("invoices.asOf", { date: format.calendarDate(invoices.data.asOf) })}
          </p>
        )}
      </div>
      {view.debtorId && (
        <p className="alert alert-info" data-testid="debtor-filter">
          {t("invoices.debtorFiltered")} <Link to={`/invoices?${writeInvoiceView({ ...view, debtorId: null }).toString()}`}>{t("invoices.clearDebtor")}</Link>
        </p>
      )}
      <div className="list-layout">
        <div className="list-side">
          <InvoiceFilters view={view} owners={owners.data ?? []} onChange={change} onReset={() => show(DEFAULT_INVOICE_VIEW)} />
          <SavedViews current={view} />
        </div>
        <div className="list-main">
          {invoices.isPending ? (
            <Loading />
          ) : invoices.isError ? (
            <ErrorMessage error={invoices.error} />
          ) : (
            <>
              <InvoicesTable
                rows={invoices.data.rows}
                sort={view}
                onSort={(key) => show(sortedBy(view, key))}
                stale={invoices.isPlaceholderData}
              />
              <Pager page={page} pageCount={pageCount} onChange={(next) => show(view, next)} disabled={invoices.isPlaceholderData} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
