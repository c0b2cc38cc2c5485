import type { Ack, ChatAttachment, ChatCatchUp, ChatHistoryPage, ChatMessage, ChatTyping } from "@relance/domain";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ackErrorText } from "../lib/ack-error-text.ts";
import {
  addPending, applyCatchUp, applyMessage, applyOlder, emptyTimeline, hasGap, removePending, updatePending, type ChatTimeline,
} from "../lib/chat-timeline.ts";
import { newClientRef } from "../lib/client-ref.ts";
import { endExpiredSession } from "../lib/session.ts";
import { getSocket } from "../lib/socket.ts";

const ACK_TIMEOUT_MS = 10_000;
const TYPING_EVERY_MS = 2_000;
const TYPING_SHOWN_MS = 4_000;

type Action = { apply: (s: ChatTimeline) => ChatTimeline } | { reset: true };
const reducer = (state: ChatTimeline, action: Action): ChatTimeline => ("reset" in action ? emptyTimeline() : action.apply(state));

export type ChatStatus = "connecting" | "live" | "unavailable";

/**
 * A case's chat on the shared socket: loads the latest page, catches up from the last sequence number after every
 * reconnection (from the database, never the socket layer's memory), fills gaps, resends my unacknowledged messages
 * with their client id, and shows who is typing.
 */
export const useCaseChat = (caseId: string) => {
  const { t } = useTranslation();
  const [timeline, dispatch] = useReducer(reducer, undefined, emptyTimeline);
  const [status, setStatus] = useState<ChatStatus>("connecting");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const state = useRef(timeline);
  state.current = timeline;
  const lastTypingSent = useRef(0);
  const catchingUp = useRef(false);

  const send = useCallback(
    (clientId: string, body: string, attachments: ChatAttachment[]) => {
      const socket = getSocket();
      if (!socket.connected) return; // sent again on reconnection
      socket.timeout(ACK_TIMEOUT_MS).emit("chat:send", { caseId, clientId, body, attachmentIds: attachments.map((a) => a.id) }, (err: Error | null, result: Ack<ChatMessage>) => {
        if (err) return dispatch({ apply: (s) => updatePending(s, clientId, { status: "failed", error: null }) });
        if (result.ok) dispatch({ apply: (s) => applyMessage(s, result.data) });
        else dispatch({ apply: (s) => updatePending(s, clientId, { status: "failed", error: ackErrorText(result.error, t) }) });
      });
    },
    [caseId, t],
  );

  const catchUp = useCallback(() => {
    const socket = getSocket();
    if (catchingUp.current || !socket.connected) return;
    catchingUp.current = true;
    const firstLoad = !state.current.loaded;
    const ask = (afterSeq: number | null) =>
      socket.timeout(ACK_TIMEOUT_MS).emit("chat:since", { caseId, afterSeq, afterRev: state.current.syncedRev }, (err: Error | null, result: Ack<ChatCatchUp>) => {
        if (err) {
          catchingUp.current = false;
          return setStatus("unavailable");
        }
        if (!result.ok) {
          catchingUp.current = false;
          if (result.error.code === "UNAUTHORIZED") endExpiredSession();
          setLoadError(result.error.code);
          return setStatus("unavailable");
        }
        dispatch({ apply: (s) => applyCatchUp(s, result.data, afterSeq === null) });
        setStatus("live");
        setLoadError(null);
        const last = result.data.messages.at(-1)?.seq;
        if (result.data.hasMore && last !== undefined) return ask(last);
        catchingUp.current = false;
        // my messages the server never acknowledged: same client id, so never stored twice
        for (const p of state.current.pending) if (p.error === null) send(p.clientId, p.body, p.attachments);
        if (hasGap(state.current)) queueMicrotask(() => catchUp());
      });
    ask(firstLoad ? null : state.current.upTo);
  }, [caseId, send]);

  useEffect(() => {
    dispatch({ reset: true });
    const socket = getSocket();
    const onConnect = () => {
      setStatus("connecting");
      catchUp();
    };
    const onMessage = (m: ChatMessage) => {
      if (m.caseId !== caseId) return;
      dispatch({ apply: (s) => applyMessage(s, m) });
      if (m.seq > state.current.upTo + 1) catchUp();
    };
    const onTyping = (x: ChatTyping) => {
      if (x.caseId === caseId) setTyping((all) => ({ ...all, [x.userId]: { name: x.displayName, until: Date.now() + TYPING_SHOWN_MS } }));
    };
    const onDisconnect = () => setStatus("connecting");
    socket.on("connect", onConnect);
    socket.on("chat:message", onMessage);
    socket.on("chat:updated", onMessage);
    socket.on("chat:typing", onTyping);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) catchUp();
    else if (!socket.active) socket.connect();
    const sweep = setInterval(() => setTyping((all) => Object.fromEntries(Object.entries(all).filter(([, v]) => v.until > Date.now()))), 1_000);
    return () => {
      socket.off("connect", onConnect);
      socket.off("chat:message", onMessage);
      socket.off("chat:updated", onMessage);
      socket.off("chat:typing", onTyping);
      socket.off("disconnect", onDisconnect);
      clearInterval(sweep);
      catchingUp.current = false;
    };
  }, [caseId, catchUp]);

  const post = useCallback(
    (body: string, attachments: ChatAttachment[]) => {
      const clientId = newClientRef();
      dispatch({ apply: (s) => addPending(s, { clientId, body, attachments, status: "sending", error: null }) });
      send(clientId, body, attachments);
    },
    [send],
  );

  const retry = useCallback(
    (clientId: string) => {
      const p = state.current.pending.find((x) => x.clientId === clientId);
      if (!p) return;
      dispatch({ apply: (s) => updatePending(s, clientId, { status: "sending", error: null }) });
      send(p.clientId, p.body, p.attachments);
    },
    [send],
  );

  const discard = useCallback((clientId: string) => dispatch({ apply: (s) => removePending(s, clientId) }), []);

  /** Edit or delete: resolves with an error message, or null once done. */
  const change = useCallback(
    (action: { kind: "edit"; messageId: string; body: string } | { kind: "delete"; messageId: string }) =>
      new Promise<string | null>((resolve) => {
        const done = (err: Error | null, result: Ack<ChatMessage>) => {
          if (err) return resolve("timeout");
          if (!result.ok) return resolve(ackErrorText(result.error, t));
          dispatch({ apply: (s) => applyMessage(s, result.data) });
          resolve(null);
        };
        const socket = getSocket().timeout(ACK_TIMEOUT_MS);
        if (action.kind === "edit") socket.emit("chat:edit", { caseId, messageId: action.messageId, body: action.body }, done);
        else socket.emit("chat:delete", { caseId, messageId: action.messageId }, done);
      }),
    [caseId, t],
  );

  const loadOlder = useCallback(
    (limit = 50) =>
      new Promise<void>((resolve) => {
        getSocket()
          .timeout(ACK_TIMEOUT_MS)
          .emit("chat:history", { caseId, before: state.current.firstSeq, limit }, (err: Error | null, result: Ack<ChatHistoryPage>) => {
            if (!err && result.ok) dispatch({ apply: (s) => applyOlder(s, result.data) });
            resolve();
          });
      }),
    [caseId],
  );

  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_EVERY_MS) return;
    lastTypingSent.current = now;
    const socket = getSocket();
    if (socket.connected) socket.emit("chat:typing", { caseId }, () => undefined);
  }, [caseId]);

  const typists = Object.values(typing).map((v) => v.name);
  return { timeline, status, loadError, typists, post, retry, discard, change, loadOlder, notifyTyping };
};
