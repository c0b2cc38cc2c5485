import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ColumnMappingDraft } from "../lib/ledger-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

export interface SavedMappingControlsProps {
  mapping: ColumnMappingDraft;
  onLoad: (mapping: ColumnMappingDraft) => void;
}

type Notice = { kind: "saved" | "loaded"; name: string } | { kind: "error"; error: unknown } | null;

/** Saves the current mapping under a name (per organization) or loads one saved before, e.g. "Sage export". */
export function SavedMappingControls({ mapping, onLoad }: SavedMappingControlsProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const [loading, setLoading] = useState(false);
  const saved = useQuery(trpc.imports.mappings.queryOptions());
  const save = useMutation(
    trpc.imports.saveMapping.mutationOptions({
      onSuccess: (_data, variables) => {
        setNotice({ kind: "saved", name: variables.sourceName });
        void queryClient.invalidateQueries({ queryKey: trpc.imports.mappings.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.imports.mapping.queryKey({ sourceName: variables.sourceName }) });
      },
      onError: (error) => setNotice({ kind: "error", error }),
    }),
  );
  const sourceName = name.trim();

  const load = async () => {
    setLoading(true);
    setNotice(null);
    try {
      const found = await queryClient.fetchQuery({ ...trpc.imports.mapping.queryOptions({ sourceName }), staleTime: 0 });
      onLoad(found);
      setNotice({ kind: "loaded", name: sourceName });
    } catch (error) {
      setNotice({ kind: "error", error });
    } finally {
      setLoading(false);
    }
  };

  const names = saved.data?.map((m) => m.sourceName) ?? [];
  return (
    <fieldset className="fieldset">
      <legend>{t("imports.savedMappings.title")}</legend>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="mapping-name">{t("imports.savedMappings.name")}</label>
          <input
            id="mapping-name"
            data-testid="mapping-name"
            type="text"
            list="saved-mapping-names"
            autoComplete="off"
            maxLength={100}
            value={name}
            aria-describedby="mapping-name-hint"
            onChange={(e) => setName(e.target.value)}
          />
          <datalist id="saved-mapping-names">
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </div>
        <div className="button-group">
          <button
            type="button"
            className="button"
            data-testid="mapping-save"
            disabled={sourceName === "" || save.isPending}
            onClick={() => {
              setNotice(null);
              save.mutate({ sourceName, mapping });
            }}
          >
            {save.isPending ? t("imports.savedMappings.saving") : t("imports.savedMappings.save")}
          </button>
          <button type="button" className="button" data-testid="mapping-load" disabled={sourceName === "" || loading} onClick={() => void load()}>
            {loading ? t("imports.savedMappings.loading") : t("imports.savedMappings.load")}
          </button>
        </div>
      </div>
      <p className="hint" id="mapping-name-hint">
        {names.length > 0 ? t("imports.savedMappings.available", { names: names.join(", ") }) : t("imports.savedMappings.nameHint")}
      </p>
      {notice?.kind === "error" ? (
        <ErrorMessage error={notice.error} />
      ) : notice ? (
        <p className="alert alert-success" role="status" data-testid="mapping-notice">
          {notice.kind === "saved" ? t("imports.savedMappings.saved", { name: notice.name }) : t("imports.savedMappings.loaded", { name: notice.name })}
        </p>
      ) : null}
    </fieldset>
  );
}
