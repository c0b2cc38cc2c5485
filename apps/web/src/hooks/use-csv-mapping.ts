import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { type FileSample, readFileSample } from "../lib/file-sample.ts";
import type { ColumnMappingDraft, CsvPreview } from "../lib/ledger-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";

const PREVIEW_DEBOUNCE_MS = 300;

interface Draft {
  file: File;
  mapping: ColumnMappingDraft;
  /** Changed by the user since the server proposed it: the preview must be read again. */
  edited: boolean;
}

export interface CsvMapping {
  /** The start of the file is being read or sent for its first preview. */
  loading: boolean;
  readFailed: boolean;
  /** The last preview the server answered (kept on screen while the next one loads). */
  preview: CsvPreview | null;
  previewError: unknown;
  previewUpdating: boolean;
  /** The mapping the import will use; null until the server proposed one. */
  mapping: ColumnMappingDraft | null;
  /** A workbook's sheets, in the order of their tabs, once read; null for a text file. */
  sheets: string[] | null;
  editMapping: (update: (mapping: ColumnMappingDraft) => ColumnMappingDraft) => void;
}

/**
 * The mapping step of a CSV import: reads the first 256 KiB of the file (of a workbook, the first rows of `sheet`,
 * else of its first sheet), lets the server guess the mapping from the header, then previews again (debounced)
 * whenever the user edits the mapping. Another sheet is another header: the mapping is guessed again. Answers to
 * superseded requests are dropped (react-query calls the per-call callbacks of the latest `mutate` only).
 */
export const useCsvMapping = (file: File | null, sheet: string | null = null): CsvMapping => {
  const trpc = useTRPC();
  const previewMutation = useMutation(trpc.imports.preview.mutationOptions());
  const { mutate } = previewMutation;
  const [sample, setSample] = useState<{ file: File; data: FileSample } | null>(null);
  // kept while another sheet of the same file is read, so that the choice stays on screen
  const [sheetsOf, setSheetsOf] = useState<{ file: File; sheets: string[] | null } | null>(null);
  const [readFailed, setReadFailed] = useState(false);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  useEffect(() => {
    setSample(null);
    setPreview(null);
    setDraft(null);
    setReadFailed(false);
    if (!file) return;
    let active = true;
    readFileSample(file, sheet).then(
      (data) => {
        if (!active) return;
        setSample({ file, data });
        setSheetsOf({ file, sheets: data.sheets });
        mutate(
          { fileName: file.name, sampleBase64: data.base64, complete: data.complete },
          {
            onSuccess: (answer) => {
              if (!active) return;
              setPreview(answer);
              setDraft({ file, mapping: answer.mapping, edited: false });
            },
          },
        );
      },
      () => active && setReadFailed(true),
    );
    return () => {
      active = false;
    };
  }, [file, sheet, mutate]);

  const debounced = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  useEffect(() => {
    // a draft left from the previous file must not be previewed against the new one
    if (!sample || !debounced?.edited || debounced.file !== sample.file) return;
    const { data } = sample;
    mutate(
      { fileName: sample.file.name, sampleBase64: data.base64, complete: data.complete, mapping: debounced.mapping },
      { onSuccess: setPreview },
    );
  }, [debounced, sample, mutate]);

  const editMapping = useCallback((update: (mapping: ColumnMappingDraft) => ColumnMappingDraft) => {
    setDraft((current) => (current ? { ...current, mapping: update(current.mapping), edited: true } : current));
  }, []);

  return {
    loading: file !== null && !readFailed && preview === null && !previewMutation.isError,
    readFailed,
    preview,
    previewError: previewMutation.error,
    previewUpdating: preview !== null && (previewMutation.isPending || (draft?.edited === true && draft !== debounced)),
    mapping: draft?.mapping ?? null,
    sheets: sheetsOf !== null && sheetsOf.file === file ? sheetsOf.sheets : null,
    editMapping,
  };
};
