import { WAITING_PARTIES } from "@relance/domain";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock, type Dispute } from "../lib/dispute-api-types.ts";

/**
 * Time waited on each party, from the stored intervals as the server summed them, with the party waited on now
 * ticking on from the moment the answer arrived (so a skewed local clock shifts nothing).
 */
export function DisputeClocks({ dispute, receivedAt }: { dispute: Dispute; receivedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = dispute.waitingNow?.party ?? null;
  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const elapsed = Math.max(0, now - receivedAt);
  return (
    <dl className="dispute-clocks" aria-label={t("disputes.clocks")} data-testid="dispute-clocks">
      {WAITING_PARTIES.map((party) => {
        const ms = dispute.waitingMs[party] + (party === running ? elapsed : 0);
        return (
          <div key={party} className={party === running ? "dispute-clock running" : "dispute-clock"} data-testid={`dispute-clock-${party}`} data-running={party === running}>
            <dt>
              {t(`disputes.parties.${party}`)}
              {party === running && <span className="visually-hidden"> ({t("disputes.waitingNow")})</span>}
            </dt>
            <dd>
              <time dateTime={`PT${Math.floor(ms / 1000)}S`}>{formatClock(ms, t("disputes.dayUnit"))}</time>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
