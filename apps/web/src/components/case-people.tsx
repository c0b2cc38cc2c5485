import { hasRole, LEDGER_WRITERS } from "@relance/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ErrorMessage } from "./error-message.tsx";

/** Who was brought into the case (mentioned, added), with a revoke button for an admin or the case's owner. */
export function CasePeople({ caseId, assigneeId }: { caseId: string; assigneeId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const me = useMe();
  const people = useQuery(trpc.cases.participants.queryOptions({ caseId }));
  const revoke = useMutation(
    trpc.cases.revokeAccess.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.cases.participants.queryKey({ caseId }) }),
    }),
  );
  const mayRevoke = me.role === "admin" || (assigneeId === me.user.id && hasRole(me.role, LEDGER_WRITERS));

  return (
    <section className="case-people" aria-labelledby="case-people-title" data-testid="case-people">
      <h3 id="case-people-title">{t("casePeople.title")}</h3>
      {people.isError && <ErrorMessage error={people.error} />}
      {people.data?.length === 0 && <p className="muted">{t("casePeople.empty")}</p>}
      <ul className="case-people-list">
        {people.data?.map((p) => (
          <li key={p.userId} data-testid="case-person" data-user-id={p.userId} data-active={p.revokedAt === null}>
            <span className="presence-name">{p.displayName}</span> <span className="muted">({t(`roles.${p.role}`)})</span>{" "}
            <span className="badge">{t(`casePeople.reasons.${p.reason}`)}</span>{" "}
            <span className="muted">
              {p.revokedAt ? t("casePeople.revoked", { date: format.date(p.revokedAt) }) : t("casePeople.since", { date: format.date(p.grantedAt) })}
            </span>
            {mayRevoke && p.revokedAt === null && (
              <>
                {" "}
                <ConfirmButton
                  label={t("casePeople.revoke")}
                  ariaLabel={`${t("casePeople.revoke")} — ${p.displayName}`}
                  confirmLabel={t("casePeople.revokeConfirm", { name: p.displayName })}
                  disabled={revoke.isPending}
                  testId="case-person-revoke"
                  onConfirm={() => revoke.mutate({ caseId, userId: p.userId })}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {!mayRevoke && people.data && people.data.length > 0 && <p className="muted">{t("casePeople.revokeNote")}</p>}
    </section>
  );
}
