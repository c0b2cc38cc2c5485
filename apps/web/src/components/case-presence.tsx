import { useTranslation } from "react-i18next";
import { useCasePresence } from "../hooks/use-case-presence.ts";
import { useMe } from "../hooks/use-me.ts";

/** Who has this case open right now, live. */
export function CasePresence({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { status, members } = useCasePresence(caseId);
  const others = members.filter((m) => m.userId !== me.user.id);
  return (
    <section className="card presence" data-testid="case-presence" data-status={status} aria-labelledby="presence-title">
      <h2 id="presence-title">{t("presence.title")}</h2>
      {status === "connecting" && <p className="muted">{t("presence.connecting")}</p>}
      {status === "unavailable" && <p className="muted">{t("presence.unavailable")}</p>}
      <ul className="presence-list" aria-live="polite">
        {members.map((m) => (
          <li key={m.userId} className="presence-member" data-testid="presence-member" data-user-id={m.userId}>
            <span className="avatar" aria-hidden="true">
              {initials(m.displayName)}
            </span>
            <span className="presence-name">{m.displayName}</span>
            {m.userId === me.user.id && <span className="muted"> ({t("presence.you")})</span>}
          </li>
        ))}
      </ul>
      {status === "live" && others.length === 0 && <p className="muted">{t("presence.nobody")}</p>}
    </section>
  );
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
