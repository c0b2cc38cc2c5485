import { hasRole, LEDGER_WRITERS } from "@relance/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { LogCallForm } from "../components/log-call-form.tsx";
import { ModalDialog } from "../components/modal-dialog.tsx";
import { RecordPromiseForm } from "../components/record-promise-form.tsx";
import { SendNowButtons, SendNowDialog } from "../components/send-now-dialog.tsx";
import { WorklistTable } from "../components/worklist-table.tsx";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { useWorklistKeys } from "../hooks/use-worklist-keys.ts";
import type { WorklistRow } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/case-work.css";

const nextDay = (isoDate: string): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

type Dialog = { kind: "call" | "promise" | "send"; row: WorklistRow } | { kind: "bulk" } | null;

/** "My day": keyboard-first list of what to do today. */
export function WorklistPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const format = useFormatters();
  const { role } = useMe();
  const canWrite = hasRole(role, LEDGER_WRITERS);
  const done = useCaseMutationDone();
  const [mineOnly, setMineOnly] = useState(false);
  const list = useQuery(trpc.worklist.list.queryOptions({ assigneeOnly: mineOnly }));
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState("");
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const tomorrow = list.data ? nextDay(list.data.today) : "";
  const [bulkUntil, setBulkUntil] = useState("");

  const afterSnooze = (until: string) => () => {
    setStatus(t("worklist.snoozed", { date: format.calendarDate(until) }));
    setSelected(new Set());
    setDialog(null);
    done();
  };
  const snooze = useMutation(trpc.worklist.bulkSnooze.mutationOptions());
  const moveCase = useMutation(trpc.cases.update.mutationOptions());
  const plan = useMutation(
    trpc.worklist.planToday.mutationOptions({
      onSuccess: (result) => {
        setStatus(t("sendNow.planned", { count: result.actionsPlanned, date: format.calendarDate(result.asOf) }));
        done();
      },
    }),
  );
  const row = rows[Math.min(current, rows.length - 1)];

  const toggle = (r: WorklistRow) => {
    if (r.kind !== "action") return setStatus(t("worklist.notAnAction"));
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(r.id)) next.delete(r.id);
      else next.add(r.id);
      return next;
    });
  };

  const keyActions = useMemo(
    () => ({
      move: (delta: number) => setCurrent((i) => Math.max(0, Math.min(rows.length - 1, i + delta))),
      open: () => row && void navigate(`/cases/${row.caseId}`),
      call: () => row && canWrite && setDialog({ kind: "call", row }),
      promise: () => row && canWrite && setDialog({ kind: "promise", row }),
      snooze: () => {
        if (!row || !canWrite || !tomorrow) return;
        // a case due again: its next action date moves to tomorrow; an action: it is snoozed
        if (row.kind === "action") snooze.mutate({ actionIds: [row.id], until: tomorrow }, { onSuccess: afterSnooze(tomorrow) });
        else moveCase.mutate({ caseId: row.caseId, nextActionDate: tomorrow }, { onSuccess: afterSnooze(tomorrow) });
      },
      toggle: () => row && canWrite && toggle(row),
    }),
    [rows, row, canWrite, tomorrow],
  );
  useWorklistKeys(rows.length > 0 && dialog === null, keyActions);

  return (
    <div className="page">
      <h1>{t("worklist.title")}</h1>
      <p>{t("worklist.intro")}</p>
      <p id="worklist-keys" className="worklist-keys" data-testid="worklist-keys">
        {t("worklist.keys")}
      </p>
      <div className="worklist-toolbar">
        <label>
          <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} data-testid="worklist-mine" /> {t("worklist.mineOnly")}
        </label>
        {canWrite && (
          <button type="button" className="button button-small button-quiet" onClick={() => plan.mutate()} disabled={plan.isPending} data-testid="worklist-plan-today">
            {t("sendNow.planToday")}
          </button>
        )}
        {canWrite && selected.size > 0 && (
          <>
            <span data-testid="worklist-selected">{t("worklist.selected", { count: selected.size })}</span>
            <button
              type="button"
              className="button button-small"
              data-testid="worklist-bulk-snooze"
              onClick={() => {
                setBulkUntil(tomorrow);
                setDialog({ kind: "bulk" });
              }}
            >
              {t("worklist.bulkSnooze")}
            </button>
          </>
        )}
        <span role="status" aria-live="polite" data-testid="worklist-status">
          {status}
        </span>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="worklist-empty">{t("worklist.empty")}</p>
      ) : (
        <WorklistTable
          rows={rows}
          current={current}
          selected={selected}
          onPick={setCurrent}
          onToggle={toggle}
          onOpen={(r) => void navigate(`/cases/${r.caseId}`)}
          rowActions={(r) => <SendNowButtons row={r} canWrite={canWrite} onSend={(target) => setDialog({ kind: "send", row: target })} />}
        />
      )}
      {(snooze.isError || moveCase.isError || plan.isError) && <ErrorMessage error={snooze.error ?? moveCase.error ?? plan.error} />}
      {dialog?.kind === "call" && (
        <ModalDialog title={t("worklist.callDialog", { name: dialog.row.debtorName })} onClose={() => setDialog(null)} testId="worklist-call-dialog">
          <LogCallForm
            caseId={dialog.row.caseId}
            {...(dialog.row.kind === "action" && dialog.row.channel === "call" ? { actionId: dialog.row.id } : {})}
            onDone={() => setDialog(null)}
            autoFocus
          />
        </ModalDialog>
      )}
      {dialog?.kind === "promise" && (
        <ModalDialog title={t("worklist.promiseDialog", { name: dialog.row.debtorName })} onClose={() => setDialog(null)} testId="worklist-promise-dialog">
          <RecordPromiseForm caseId={dialog.row.caseId} currency={dialog.row.currency === "CHF" ? "CHF" : "EUR"} onDone={() => setDialog(null)} autoFocus />
        </ModalDialog>
      )}
      {dialog?.kind === "send" && (
        <SendNowDialog
          row={dialog.row}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setStatus(message);
            setDialog(null);
            done();
          }}
        />
      )}
      {dialog?.kind === "bulk" && (
        <ModalDialog title={t("worklist.confirmTitle", { count: selected.size })} onClose={() => setDialog(null)} testId="worklist-bulk-dialog">
          <form
            className="case-form"
            onSubmit={(e) => {
              e.preventDefault();
              snooze.mutate({ actionIds: [...selected], until: bulkUntil }, { onSuccess: afterSnooze(bulkUntil) });
            }}
          >
            <p>{t("worklist.confirmText", { date: bulkUntil ? format.calendarDate(bulkUntil) : "" })}</p>
            <label htmlFor="worklist-bulk-until">{t("worklist.snoozeUntil")}</label>
            <input id="worklist-bulk-until" type="date" min={tomorrow} value={bulkUntil} required onChange={(e) => setBulkUntil(e.target.value)} />
            <button type="submit" className="button" disabled={snooze.isPending} data-testid="worklist-bulk-confirm">
              {t("worklist.confirm")}
            </button>
          </form>
        </ModalDialog>
      )}
    </div>
  );
}
