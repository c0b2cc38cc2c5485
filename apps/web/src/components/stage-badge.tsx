import { useTranslation } from "react-i18next";
import { isCaseStage } from "../lib/case-api-types.ts";

/** A case's collection stage, translated when known (stages may grow on the server before the interface knows them). */
export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge stage-${stage.replace(/[^a-z0-9_-]/gi, "")}`} data-testid="case-stage">
      {isCaseStage(stage) ? t(`caseWork.stages.${stage}`) : stage}
    </span>
  );
}
