import type { ChatMessage } from "@relance/domain";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { formatFileSize } from "../lib/file-size.ts";
import { decodeMentions, encodeMentions, type Mentionable } from "../lib/mention-draft.ts";
import { ChatMessageText } from "./chat-message-text.tsx";
import { ConfirmButton } from "./confirm-button.tsx";

export interface ChatMessageItemProps {
  message: ChatMessage;
  mine: boolean;
  canDelete: boolean;
  highlighted: boolean;
  members: readonly Mentionable[];
  onChange: (action: { kind: "edit"; messageId: string; body: string } | { kind: "delete"; messageId: string }) => Promise<string | null>;
}

export function ChatMessageItem({ message, mine, canDelete, highlighted, members, onChange }: ChatMessageItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deleted = message.deletedAt !== null;

  const startEdit = () => setDraft(decodeMentions(message.body, [...members, ...message.mentions]).text);
  const save = async () => {
    if (draft === null) return;
    const picked = [...members, ...message.mentions];
    const problem = await onChange({ kind: "edit", messageId: message.id, body: encodeMentions(draft, picked) });
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Escape") setDraft(null);
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <li
      className={`chat-message${mine ? " chat-mine" : ""}${highlighted ? " chat-highlighted" : ""}`}
      data-testid="chat-message"
      data-seq={message.seq}
      data-state="sent"
      id={`chat-message-${message.seq}`}
      aria-label={highlighted ? t("chat.highlighted") : undefined}
    >
      <div className="chat-meta">
        <span className="chat-author">{message.authorName ?? t("chat.unknownMember")}</span>
        {mine && <span className="muted"> ({t("chat.you")})</span>}
        <time dateTime={message.createdAt} className="muted">
          {format.dateTime(message.createdAt)}
        </time>
        {message.editedAt && !deleted && (
          <span className="chat-edited muted" data-testid="chat-edited">
            {t("chat.edited")}
          </span>
        )}
      </div>
      {deleted ? (
        <p className="chat-deleted muted" data-testid="chat-deleted">
          {t("chat.deleted")}
        </p>
      ) : draft !== null ? (
        <div className="chat-edit">
          <label className="visually-hidden" htmlFor={`chat-edit-${message.id}`}>
            {t("chat.editLabel")}
          </label>
          <textarea id={`chat-edit-${message.id}`} value={draft} rows={2} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} data-testid="chat-edit-input" />
          <button type="button" className="button button-small button-primary" onClick={() => void save()} data-testid="chat-edit-save">
            {t("chat.save")}
          </button>
          <button type="button" className="button button-small" onClick={() => setDraft(null)}>
            {t("chat.cancel")}
          </button>
        </div>
      ) : (
        <>
          {message.body !== "" && <ChatMessageText body={message.body} mentions={message.mentions} />}
          {message.attachments.length > 0 && (
            <ul className="chat-attachments">
              {message.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/chat-attachments/${a.id}`} download={a.fileName} data-testid="chat-attachment">
                    {t("chat.download", { name: a.fileName, size: formatFileSize(a.sizeBytes, format.locale) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!deleted && draft === null && (mine || canDelete) && (
        <div className="chat-actions">
          {mine && (
            <button type="button" className="button button-small button-quiet" onClick={startEdit} data-testid="chat-edit">
              {t("chat.edit")}
            </button>
          )}
          <ConfirmButton
            label={t("chat.delete")}
            confirmLabel={t("chat.confirmDelete")}
            testId="chat-delete"
            onConfirm={() => void onChange({ kind: "delete", messageId: message.id }).then(setError)}
          />
        </div>
      )}
    </li>
  );
}
