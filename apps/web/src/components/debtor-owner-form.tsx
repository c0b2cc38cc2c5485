import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebtorChanged } from "../hooks/use-debtor-changed.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

const NOBODY = "";

/** Gives the debtor to a sales rep, or to nobody: the rep then sees its cases, the one before no longer does. */
export function DebtorOwnerForm({ debtorId, salesOwnerId }: { debtorId: string; salesOwnerId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useDebtorChanged();
  const owners = useQuery(trpc.debtors.owners.queryOptions());
  const [chosen, setChosen] = useState(salesOwnerId ?? NOBODY);
  const assign = useMutation(
    trpc.debtors.assignOwner.mutationOptions({
      onSuccess: changed,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ debtorId, salesOwnerId: chosen === NOBODY ? null : chosen });
  };
  return (
    <form className="form form-row" onSubmit={submit} data-testid="debtor-owner-form">
      <div className="field field-inline">
        <label htmlFor="debtor-owner">{t("debtor.changeOwner")}</label>
        <select id="debtor-owner" data-testid="debtor-owner-select" value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={!owners.isSuccess}>
          <option value={NOBODY}>{t("debtor.noOwner")}</option>
          {(owners.data ?? []).map((o) => (
            <option key={o.userId} value={o.userId}>
              {o.displayName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="debtor-owner-save" disabled={assign.isPending || chosen === (salesOwnerId ?? NOBODY)}>
        {t("debtor.saveOwner")}
      </button>
      {assign.isError && <ErrorMessage error={assign.error} />}
    </form>
  );
}
