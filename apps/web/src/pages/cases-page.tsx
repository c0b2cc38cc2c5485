import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { Pager } from "../components/pager.tsx";
import { SearchFilterInput } from "../components/search-filter-input.tsx";
import { StageBadge } from "../components/stage-badge.tsx";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";

/** The cases list, by debtor name, a page at a time: searchable by debtor, or narrowed to cases with open disputes. */
export function CasesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const search = params.get("q");
  const disputedOnly = params.get("disputes") === "1";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  // from the current URL, not from this render's values: the search box reports its text after a pause, when the
  // page may have changed since
  const update = (next: { q?: string | null; disputes?: boolean; page?: number }) =>
    setParams((current) => {
      const out = new URLSearchParams();
      const q = next.q === undefined ? current.get("q") : next.q;
      if (q) out.set("q", q);
      if (next.disputes ?? current.get("disputes") === "1") out.set("disputes", "1");
      const p = next.page ?? 0;
      if (p > 0) out.set("page", String(p));
      return out;
    });
  const cases = useQuery({
    ...trpc.receivables.cases.queryOptions({ search: search ?? undefined, disputedOnly, page }),
    placeholderData: keepPreviousData,
  });
  const pageCount = cases.data ? Math.ceil(cases.data.total / cases.data.pageSize) : 0;
  return (
    <div className="page">
      <h1>{t("cases.title")}</h1>
      <div className="filters" role="search">
        <SearchFilterInput label={t("cases.search")} placeholder={t("cases.searchPlaceholder")} value={search} onChange={(q) => update({ q })} testId="cases-search" />
        <label className="field-inline checkbox">
          <input type="checkbox" checked={disputedOnly} onChange={(e) => update({ disputes: e.target.checked })} data-testid="cases-disputed-only" />
          {t("cases.disputedOnly")}
        </label>
      </div>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorMessage error={cases.error} />
      ) : cases.data.rows.length === 0 ? (
        <p className="empty">{t("cases.empty")}</p>
      ) : (
        <>
          <p className="muted" data-testid="cases-total">{t("cases.total", { count: cases.data.total, formatted: format.integer(cases.data.total) })}</p>
          <div className="table-wrap">
            <table className="table" data-testid="cases-table">
              <caption className="visually-hidden">{t("cases.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cases.debtor")}</th>
                  <th scope="col">{t("cases.stage")}</th>
                  <th scope="col">{t("cases.assigned")}</th>
                  <th scope="col">{t("cases.disputes")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.rows.map((c) => (
                  <tr key={c.id} data-testid="case-row">
                    <th scope="row">
                      <Link to={`/cases/${c.id}`} data-testid="case-link" aria-label={t("cases.open", { name: c.debtorName })}>
                        {c.debtorName}
                      </Link>
                      {c.broughtIn && (
                        <span className="badge" data-testid="case-brought-in">
                          {t("cases.broughtIn")}
                        </span>
                      )}
                    </th>
                    <td>
                      <StageBadge stage={c.stage} />
                    </td>
                    <td>{c.assigneeName ?? "—"}</td>
                    <td data-testid="case-open-disputes">{c.openDisputes > 0 ? t("cases.openDisputes", { count: c.openDisputes }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageCount={pageCount} onChange={(next) => update({ page: next })} disabled={cases.isPlaceholderData} />
        </>
      )}
    </div>
  );
}
