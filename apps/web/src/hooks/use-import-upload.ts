import type { ImportFinished, ImportProgress } from "@relance/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { newClientRef } from "../lib/client-ref.ts";
import { type ImportSummary, type ImportUploadInput, ImportUploadError, uploadImport } from "../lib/import-upload.ts";
import { endExpiredSession } from "../lib/session.ts";
import { getSocket } from "../lib/socket.ts";
import { useTRPC } from "../lib/trpc.ts";

export type ImportUploadState =
  | { phase: "idle" }
  | { phase: "running"; fileSize: number; progress: ImportProgress | null; finished: boolean }
  | { phase: "done"; summary: ImportSummary }
  | { phase: "error"; error: Error };

export type StartImport = (request: ImportUploadInput) => Promise<void>;

/**
 * Runs one import at a time: the file goes up as a plain HTTP request, and the progress comes back on the shared
 * socket as `import:progress` events carrying the `clientRef` we sent (fetch reports no upload progress).
 */
export const useImportUpload = (): { state: ImportUploadState; start: StartImport; reset: () => void } => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportUploadState>({ phase: "idle" });
  const detachListeners = useRef<(() => void) | null>(null);

  // connected before the first upload, so that its first progress events are not lost
  useEffect(() => {
    const socket = getSocket();
    if (!socket.connected && !socket.active) socket.connect();
    return () => detachListeners.current?.();
  }, []);

  const start = useCallback<StartImport>(
    async (request) => {
      detachListeners.current?.();
      const clientRef = newClientRef();
      const socket = getSocket();
      const onProgress = (progress: ImportProgress) => {
        if (progress.clientRef === clientRef) setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      };
      const onFinished = (finished: ImportFinished) => {
        if (finished.clientRef === clientRef) setState((s) => (s.phase === "running" ? { ...s, finished: true } : s));
      };
      socket.on("import:progress", onProgress);
      socket.on("import:finished", onFinished);
      const detach = () => {
        socket.off("import:progress", onProgress);
        socket.off("import:finished", onFinished);
      };
      detachListeners.current = detach;

      setState({ phase: "running", fileSize: request.file.size, progress: null, finished: false });
      try {
        const summary = await uploadImport({ ...request, clientRef });
        setState({ phase: "done", summary });
        if (summary.status === "succeeded" || summary.status === "partial") {
          void queryClient.invalidateQueries({ queryKey: trpc.receivables.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() });
        }
      } catch (error) {
        if (error instanceof ImportUploadError && error.status === 401) endExpiredSession();
        setState({ phase: "error", error: error instanceof Error ? error : new Error(String(error)) });
      } finally {
        detach();
        if (detachListeners.current === detach) detachListeners.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
      }
    },
    [queryClient, trpc],
  );

  /** Forgets the last result (another file was chosen); an upload under way keeps running and reporting. */
  const reset = useCallback(() => setState((s) => (s.phase === "running" ? s : { phase: "idle" })), []);

  return { state, start, reset };
};
