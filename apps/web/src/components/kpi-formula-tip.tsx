import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * An "i" button next to a KPI that shows its formula on hover, focus or click (Escape closes it); the formula is
 * also the button's description for screen readers.
 */
export function KpiFormulaTip({ name, formula }: { name: string; formula: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="kpi-tip" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="kpi-tip-button"
        aria-label={t("dashboard.formulaLabel", { name })}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      >
        i
      </button>
      <span id={id} role="tooltip" className={open ? "kpi-tip-text open" : "kpi-tip-text"} data-testid="kpi-formula">
        {formula}
      </span>
    </span>
  );
}
