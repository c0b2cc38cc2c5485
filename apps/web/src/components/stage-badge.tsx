import { useTranslation } from "react-i18next";

const KNOWN_STAGES = ["reminder_1", "reminder_2", "formal_notice", "pre_litigation"] as const;
type KnownStage = (typeof KNOWN_STAGES)[number];
const isKnownStage = (stage: string): stage is KnownStage => (KNOWN_STAGES as readonly string[]).includes(stage);

/** A case's collection stage, translated when known (stages may grow on the server before the interface knows them). */
export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge stage-${stage.replace(/[^a-z0-9_-]/gi, "")}`} data-testid="case-stage">
      {isKnownStage(stage) ? t(`stages.${stage}`) : stage}
    </span>
  );
}
