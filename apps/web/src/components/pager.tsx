import { useTranslation } from "react-i18next";

export interface PagerProps {
  /** Zero-based. */
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
  disabled?: boolean;
}

export function Pager({ page, pageCount, onChange, disabled = false }: PagerProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")} data-testid="pager">
      <button type="button" className="button" disabled={disabled || page <= 0} onClick={() => onChange(page - 1)}>
        {t("pager.previous")}
      </button>
      <span aria-live="polite">{t("pager.status", { page: page + 1, pages: pageCount })}</span>
      <button type="button" className="button" disabled={disabled || page >= pageCount - 1} onClick={() => onChange(page + 1)}>
        {t("pager.next")}
      </button>
    </nav>
  );
}
