import { DEFAULT_TEMPLATES, DUNNING_CHANNELS, MAX_DUNNING_LEVEL, MIN_DUNNING_LEVEL, type DunningChannel } from "@relance/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { fieldErrorsOf } from "./field-errors.ts";
import { Loading } from "./loading.tsx";

interface DraftStep {
  offsetDays: string;
  channel: DunningChannel;
  templateKey: string;
  level: string;
  addPenalties: boolean;
}

const TEMPLATE_KEYS = [...new Set(DEFAULT_TEMPLATES.map((t) => t.key))].sort();

const toNumber = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));

/** Admin: a segment's ordered steps; saving adds a version, and open cases keep the version they started under. */
export function DunningPolicyEditor() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const id = useId();
  const policies = useQuery(trpc.collectionSettings.policies.queryOptions());
  const [segment, setSegment] = useState("");
  const current = policies.data?.find((p) => p.segment === segment) ?? policies.data?.[0];
  const [name, setName] = useState("");
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [thankYou, setThankYou] = useState(false);
  useEffect(() => {
    if (!current) return;
    setName(current.name);
    setThankYou(current.thankYouOnPayment);
    setSteps(current.steps.map((s) => ({ ...s, offsetDays: String(s.offsetDays), level: String(s.level) })));
  }, [current?.versionId]);
  const history = useQuery({ ...trpc.collectionSettings.policyHistory.queryOptions({ segment: current?.segment ?? "" }), enabled: current !== undefined });
  const save = useMutation(
    trpc.collectionSettings.savePolicy.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.collectionSettings.pathKey() }),
    }),
  );
  if (policies.isPending) return <Loading />;
  if (policies.error) return <ErrorMessage error={policies.error} />;
  if (!current) return null;
  const errors = fieldErrorsOf(save.error);
  const update = (index: number, change: Partial<DraftStep>) => setSteps((list) => list.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const move = (index: number, delta: number) =>
    setSteps((list) => {
      const next = [...list];
      const [step] = next.splice(index, 1);
      next.splice(index + delta, 0, step!);
      return next;
    });
  const addStep = () =>
    setSteps((list) => {
      const last = list[list.length - 1];
      return [...list, { offsetDays: String(last ? Number(last.offsetDays) + 14 : 7), channel: "email", templateKey: "reminder_1", level: last?.level ?? "2", addPenalties: false }];
    });
  const cellError = (index: number, field: string) => {
    const message = errors.get(`steps.${index}.${field}`);
    return message === undefined ? null : <p className="field-error" id={`${id}-${index}-${field}-error`} data-testid="policy-step-error">{message}</p>;
  };
  const invalid = (index: number, field: string) => ({
    "aria-invalid": errors.has(`steps.${index}.${field}`),
    "aria-describedby": errors.has(`steps.${index}.${field}`) ? `${id}-${index}-${field}-error` : undefined,
  });
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="policy-editor">
      <h2 id={`${id}-title`}>{t("collectionSettings.policiesTitle")}</h2>
      <div className="field">
        <label htmlFor={`${id}-segment`}>{t("collectionSettings.segment")}</label>
        <select id={`${id}-segment`} value={current.segment} onChange={(e) => { setSegment(e.target.value); save.reset(); }} data-testid="policy-segment">
          {policies.data.map((p) => (
            <option key={p.segment} value={p.segment}>{p.name}</option>
          ))}
        </select>
      </div>
      <p className="muted" data-testid="policy-version">
        {t("collectionSettings.versionLine", { version: current.version, date: format.dateTime(current.createdAt), by: current.createdByName ?? t("collectionSettings.system") })}
        {current.casesOnOlderVersions > 0 && ` ${t("collectionSettings.olderCases", { count: current.casesOnOlderVersions })}`}
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            segment: current.segment, name, thankYouOnPayment: thankYou,
            steps: steps.map((s) => ({ offsetDays: toNumber(s.offsetDays), channel: s.channel, templateKey: s.templateKey, level: toNumber(s.level), addPenalties: s.addPenalties })),
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("collectionSettings.policyName")}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="table-wrap">
          <table className="table" data-testid="policy-steps">
            <caption className="visually-hidden">{t("collectionSettings.stepsCaption", { name })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("collectionSettings.offsetDays")}</th>
                <th scope="col">{t("collectionSettings.channel")}</th>
                <th scope="col">{t("collectionSettings.template")}</th>
                <th scope="col">{t("collectionSettings.level")}</th>
                <th scope="col">{t("collectionSettings.addPenalties")}</th>
                <th scope="col"><span className="visually-hidden">{t("collectionSettings.stepActions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step, index) => (
                <tr key={index} data-testid="policy-step">
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input type="number" inputMode="numeric" value={step.offsetDays} aria-label={t("collectionSettings.offsetDaysOf", { n: index + 1 })}
                      onChange={(e) => update(index, { offsetDays: e.target.value })} data-testid="step-offset" {...invalid(index, "offsetDays")} />
                    {cellError(index, "offsetDays")}
                  </td>
                  <td>
                    <select value={step.channel} aria-label={t("collectionSettings.channelOf", { n: index + 1 })} onChange={(e) => update(index, { channel: e.target.value as DunningChannel })} data-testid="step-channel">
                      {DUNNING_CHANNELS.map((c) => <option key={c} value={c}>{t(`worklist.channels.${c}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <select value={step.templateKey} aria-label={t("collectionSettings.templateOf", { n: index + 1 })} onChange={(e) => update(index, { templateKey: e.target.value })}
                      data-testid="step-template" {...invalid(index, "templateKey")}>
                      {(TEMPLATE_KEYS.includes(step.templateKey) ? TEMPLATE_KEYS : [step.templateKey, ...TEMPLATE_KEYS]).map((k) => <option key={k} value={k}>{k}</option>)}
                    </select>
                    {cellError(index, "templateKey")}
                  </td>
                  <td>
                    <input type="number" min={MIN_DUNNING_LEVEL} max={MAX_DUNNING_LEVEL} value={step.level} aria-label={t("collectionSettings.levelOf", { n: index + 1 })}
                      onChange={(e) => update(index, { level: e.target.value })} data-testid="step-level" {...invalid(index, "level")} />
                    {cellError(index, "level")}
                  </td>
                  <td>
                    <input type="checkbox" checked={step.addPenalties} aria-label={t("collectionSettings.addPenaltiesOf", { n: index + 1 })}
                      onChange={(e) => update(index, { addPenalties: e.target.checked })} data-testid="step-penalties" />
                  </td>
                  <td className="row-buttons">
                    <button type="button" className="button button-small button-quiet" disabled={index === 0} onClick={() => move(index, -1)}
                      aria-label={t("collectionSettings.moveUp", { n: index + 1 })}>↑</button>
                    <button type="button" className="button button-small button-quiet" disabled={index === steps.length - 1} onClick={() => move(index, 1)}
                      aria-label={t("collectionSettings.moveDown", { n: index + 1 })}>↓</button>
                    <button type="button" className="button button-small button-quiet" onClick={() => setSteps((l) => l.filter((_, i) => i !== index))}
                      aria-label={t("collectionSettings.removeStep", { n: index + 1 })}>✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors.get("steps") && <p className="field-error">{errors.get("steps")}</p>}
        <button type="button" className="button button-small button-quiet" onClick={addStep} data-testid="policy-add-step">
          {t("collectionSettings.addStep")}
        </button>
        <label>
          <input type="checkbox" checked={thankYou} onChange={(e) => setThankYou(e.target.checked)} data-testid="policy-thank-you" /> {t("collectionSettings.thankYou")}
        </label>
        <button type="submit" className="button" disabled={save.isPending} data-testid="policy-save">
          {t("collectionSettings.saveVersion")}
        </button>
        <p role="status" className="muted" data-testid="policy-saved">
          {save.isSuccess ? t("collectionSettings.saved", { version: save.data.version }) : ""}
        </p>
        {save.error && <ErrorMessage error={save.error} />}
      </form>
      {history.data && history.data.length > 0 && (
        <>
          <h3>{t("collectionSettings.history")}</h3>
          <ul data-testid="policy-history">
            {history.data.map((h) => (
              <li key={h.versionId}>
                {t("collectionSettings.historyLine", {
                  version: h.version, date: format.dateTime(h.createdAt), by: h.createdByName ?? t("collectionSettings.system"), steps: h.stepCount, cases: h.openCases,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
