import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../hooks/use-debounced-value.ts";
import type { InvoiceChoice } from "../lib/ledger-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { InvoiceChoiceList } from "./invoice-choice-list.tsx";
import { Loading } from "./loading.tsx";

const SEARCH_DEBOUNCE_MS = 300;

export interface InvoiceSearchProps {
  paymentId: string;
  unappliedMinor: number;
  selected: ReadonlySet<string>;
  onToggle: (choice: InvoiceChoice, checked: boolean) => void;
  disabled?: boolean;
}

/** Finds other open invoices in the payment's currency, by number or debtor name, to tick like the suggestions. */
export function InvoiceSearch({ paymentId, unappliedMinor, selected, onToggle, disabled = false }: InvoiceSearchProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const results = useQuery({
    ...trpc.payments.searchInvoices.queryOptions({ paymentId, search: debounced }),
    enabled: debounced.length > 0,
  });
  const inputId = `invoice-search-${paymentId}`;
  return (
    <div className="invoice-search">
      <div className="field">
        <label htmlFor={inputId}>{t("matching.search")}</label>
        <input
          id={inputId}
          data-testid="invoice-search"
          type="search"
          autoComplete="off"
          maxLength={100}
          placeholder={t("matching.searchPlaceholder")}
          value={search}
          disabled={disabled}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {debounced.length === 0 ? null : results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorMessage error={results.error} />
      ) : results.data.length === 0 ? (
        <p className="empty" role="status" data-testid="search-empty">
          {t("matching.noResults")}
        </p>
      ) : (
        <InvoiceChoiceList
          legend={t("matching.searchResults")}
          choices={results.data}
          selected={selected}
          onToggle={onToggle}
          unappliedMinor={unappliedMinor}
          testId="search-result"
          idPrefix={`search-${paymentId}`}
          disabled={disabled}
        />
      )}
    </div>
  );
}
