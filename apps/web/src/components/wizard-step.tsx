import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface WizardStepProps {
  n: number;
  title: string;
  testId?: string;
  children: ReactNode;
}

/** One numbered step of a wizard whose steps appear one below the other as they become possible. */
export function WizardStep({ n, title, testId, children }: WizardStepProps) {
  const { t } = useTranslation();
  const id = `wizard-step-${n}`;
  return (
    <section className="card wizard-step" aria-labelledby={id} data-testid={testId}>
      <p className="eyebrow">{t("imports.step", { n })}</p>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
