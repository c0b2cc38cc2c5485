import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DisputeReason } from "../lib/dispute-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";

/** Admin: the default time a dispute gets, and the reasons disputes can name (renamed, added, retired, deleted if unused). */
export function DisputeSettings() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reasons = useQuery(trpc.disputes.reasons.queryOptions());
  return (
    <section className="card" aria-labelledby="dispute-settings-title" data-testid="dispute-settings">
      <h2 id="dispute-settings-title">{t("disputes.settings.title")}</h2>
      <SlaForm />
      <h3>{t("disputes.settings.reasons")}</h3>
      {reasons.isPending ? <Loading /> : reasons.isError ? <ErrorMessage error={reasons.error} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="dispute-reasons">
            <thead>
              <tr>
                <th scope="col">{t("disputes.settings.code")}</th>
                <th scope="col">{t("disputes.settings.labelFr")}</th>
                <th scope="col">{t("disputes.settings.labelEn")}</th>
                <th scope="col" className="numeric">{t("disputes.settings.inUse")}</th>
                <th scope="col"><span className="visually-hidden">{t("caseWork.actions")}</span></th>
              </tr>
            </thead>
            <tbody>{reasons.data.map((r) => <ReasonRow key={r.id} reason={r} />)}</tbody>
          </table>
        </div>
      )}
      <AddReasonForm />
    </section>
  );
}

const useReasonsChanged = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.disputes.reasons.queryKey() });
};

function SlaForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = useId();
  const settings = useQuery(trpc.disputes.settings.queryOptions());
  const [days, setDays] = useState("");
  useEffect(() => {
    if (settings.data) setDays(String(settings.data.slaBusinessDays));
  }, [settings.data]);
  const save = useMutation(trpc.disputes.updateSettings.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ slaBusinessDays: Number(days) });
  };
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={id}>{t("disputes.settings.sla")}</label>
      <input id={id} type="number" min={1} max={120} value={days} onChange={(e) => setDays(e.target.value)} data-testid="dispute-sla-days" />
      <button type="submit" className="button" disabled={save.isPending}>{t("disputes.settings.slaSave")}</button>
      {save.isSuccess && <p role="status">{t("disputes.settings.saved")}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function ReasonRow({ reason }: { reason: DisputeReason }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useReasonsChanged();
  const [labelFr, setLabelFr] = useState(reason.labelFr);
  const [labelEn, setLabelEn] = useState(reason.labelEn);
  const update = useMutation(trpc.disputes.updateReason.mutationOptions({ onSuccess: changed }));
  const remove = useMutation(trpc.disputes.deleteReason.mutationOptions({ onSuccess: changed }));
  const edited = labelFr !== reason.labelFr || labelEn !== reason.labelEn;
  return (
    <tr data-testid="dispute-reason-row" data-code={reason.code} data-retired={reason.retired}>
      <th scope="row">
        <code>{reason.code}</code>
        {reason.retired && <> <span className="badge">{t("disputes.settings.retired")}</span></>}
      </th>
      <td><input aria-label={`${t("disputes.settings.labelFr")} ${reason.code}`} value={labelFr} maxLength={100} onChange={(e) => setLabelFr(e.target.value)} /></td>
      <td><input aria-label={`${t("disputes.settings.labelEn")} ${reason.code}`} value={labelEn} maxLength={100} onChange={(e) => setLabelEn(e.target.value)} /></td>
      <td className="numeric">{reason.useCount}</td>
      <td>
        {edited && <button type="button" className="button button-small" onClick={() => update.mutate({ reasonId: reason.id, labelFr, labelEn })}>{t("disputes.settings.save")}</button>}{" "}
        <button type="button" className="button button-small button-quiet" onClick={() => update.mutate({ reasonId: reason.id, retired: !reason.retired })} data-testid="reason-retire">
          {reason.retired ? t("disputes.settings.restore") : t("disputes.settings.retire")}
        </button>{" "}
        {reason.useCount === 0 && (
          <button type="button" className="button button-small button-quiet" onClick={() => remove.mutate({ reasonId: reason.id })}>{t("disputes.settings.delete")}</button>
        )}
        {update.isError && <ErrorMessage error={update.error} />}
        {remove.isError && <ErrorMessage error={remove.error} />}
      </td>
    </tr>
  );
}

function AddReasonForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useReasonsChanged();
  const id = useId();
  const [code, setCode] = useState("");
  const [labelFr, setLabelFr] = useState("");
  const [labelEn, setLabelEn] = useState("");
  const create = useMutation(
    trpc.disputes.createReason.mutationOptions({
      onSuccess: () => {
        setCode("");
        setLabelFr("");
        setLabelEn("");
        changed();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ code, labelFr, labelEn });
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="add-dispute-reason">
      <h3 id={`${id}-title`}>{t("disputes.settings.addTitle")}</h3>
      <label htmlFor={`${id}-code`}>{t("disputes.settings.code")}</label>
      <input id={`${id}-code`} value={code} maxLength={40} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={`${id}-fr`}>{t("disputes.settings.labelFr")}</label>
      <input id={`${id}-fr`} value={labelFr} maxLength={100} onChange={(e) => setLabelFr(e.target.value)} />
      <label htmlFor={`${id}-en`}>{t("disputes.settings.labelEn")}</label>
      <input id={`${id}-en`} value={labelEn} maxLength={100} onChange={(e) => setLabelEn(e.target.value)} />
      {create.isError && <ErrorMessage error={create.error} />}
      <button type="submit" className="button" disabled={create.isPending}>{t("disputes.settings.add")}</button>
    </form>
  );
}
