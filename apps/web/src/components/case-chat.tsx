import { CHAT_POSTERS, hasRole } from "@relance/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCaseChat } from "../hooks/use-case-chat.ts";
import { useMe } from "../hooks/use-me.ts";
import { visibleMessages } from "../lib/chat-timeline.ts";
import { useTRPC } from "../lib/trpc.ts";
import { CasePeople } from "./case-people.tsx";
import { ChatComposer } from "./chat-composer.tsx";
import { ChatMessageItem } from "./chat-message-item.tsx";
import { ChatMessageText } from "./chat-message-text.tsx";
import "../styles/case-chat.css";

/** The case's dispute room: the live discussion, and who was brought into the case. */
export function CaseChat({ caseId, assigneeId }: { caseId: string; assigneeId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const chat = useCaseChat(caseId);
  const members = useQuery(trpc.chat.members.queryOptions(undefined, { staleTime: 60_000 }));
  const [params] = useSearchParams();
  const target = Number(params.get("message")) || null;
  const list = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);
  const messages = visibleMessages(chat.timeline);
  const canPost = hasRole(me.role, CHAT_POSTERS);
  const { firstSeq, hasOlder, loaded } = chat.timeline;
  const queryClient = useQueryClient();
  const mentionCount = messages.reduce((n, m) => n + m.mentions.length, 0);

  // a mention brings people into the case: the people panel follows
  useEffect(() => {
    if (mentionCount > 0) void queryClient.invalidateQueries({ queryKey: trpc.cases.participants.queryKey({ caseId }) });
  }, [mentionCount, caseId, queryClient, trpc]);

  // a notification opens the case at its message: page back until it is loaded, then show it
  useEffect(() => {
    if (!target || !loaded) return;
    if (target < firstSeq && hasOlder) void chat.loadOlder(Math.min(100, firstSeq - target + 5));
    else document.getElementById(`chat-message-${target}`)?.scrollIntoView({ block: "center" });
  }, [target, loaded, firstSeq, hasOlder, chat.loadOlder]);

  useLayoutEffect(() => {
    const el = list.current;
    if (el && stickToBottom.current && !target) el.scrollTop = el.scrollHeight;
  }, [messages.length, chat.timeline.pending.length, target]);

  const typists = chat.typists;
  return (
    <section className="case-section card case-chat" aria-labelledby="case-chat-title" data-testid="case-chat" data-status={chat.status}>
      <h2 id="case-chat-title">{t("chat.title")}</h2>
      {chat.status === "connecting" && <p className="muted">{t("chat.connecting")}</p>}
      {chat.status === "unavailable" && <p className="muted">{t("chat.unavailable")}</p>}
      {hasOlder && (
        <button type="button" className="button button-small button-quiet" onClick={() => void chat.loadOlder()} data-testid="chat-load-older">
          {t("chat.loadOlder")}
        </button>
      )}
      <ol
        ref={list}
        className="chat-messages"
        role="log"
        aria-live="polite"
        aria-label={t("chat.messagesLabel")}
        data-testid="chat-messages"
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {messages.map((m) => (
          <ChatMessageItem
            key={m.id}
            message={m}
            mine={m.authorId === me.user.id}
            canDelete={m.authorId === me.user.id || me.role === "admin"}
            highlighted={m.seq === target}
            members={members.data ?? []}
            onChange={chat.change}
          />
        ))}
        {chat.timeline.pending.map((p) => (
          <li key={p.clientId} className="chat-message chat-mine chat-pending" data-testid="chat-message" data-state={p.status}>
            <div className="chat-meta">
              <span className="chat-author">{me.user.displayName}</span>
              <span className="muted"> · {p.status === "sending" ? t("chat.sending") : t("chat.notSent")}</span>
            </div>
            {p.body !== "" && <ChatMessageText body={p.body} mentions={members.data ?? []} />}
            {p.status === "failed" && (
              <p className="chat-actions">
                {p.error ? <span className="error">{p.error}</span> : <span className="muted">{t("chat.willRetry")}</span>}{" "}
                <button type="button" className="button button-small" onClick={() => chat.retry(p.clientId)}>
                  {t("chat.retry")}
                </button>
                <button type="button" className="button button-small button-quiet" onClick={() => chat.discard(p.clientId)}>
                  {t("chat.discard")}
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {loaded && messages.length === 0 && chat.timeline.pending.length === 0 && <p className="empty">{t("chat.empty")}</p>}
      <p className="muted chat-typing" aria-live="polite" data-testid="chat-typing">
        {typists.length === 1 ? t("chat.typingOne", { name: typists[0] }) : typists.length > 1 ? t("chat.typingMany", { names: typists.join(", ") }) : ""}
      </p>
      {canPost ? (
        <ChatComposer caseId={caseId} members={members.data ?? []} onSend={chat.post} onTyping={chat.notifyTyping} />
      ) : (
        <p className="muted" data-testid="chat-read-only">
          {t("chat.readOnly")}
        </p>
      )}
      <CasePeople caseId={caseId} assigneeId={assigneeId} />
    </section>
  );
}
