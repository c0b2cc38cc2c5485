import { CHAT_MAX_BODY_CHARS, type ChatAttachment } from "@relance/domain";
import { type ChangeEvent, type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { formatFileSize } from "../lib/file-size.ts";
import { encodeMentions, matchMembers, mentionQueryAt, type Mentionable } from "../lib/mention-draft.ts";

/** Matches the server's default limit; a server set higher still answers the real one on refusal. */
const ATTACHMENT_HINT_BYTES = 10 * 1024 * 1024;

export interface ChatComposerProps {
  caseId: string;
  members: readonly Mentionable[];
  onSend: (body: string, attachments: ChatAttachment[]) => void;
  onTyping: () => void;
}

const uploadFile = async (caseId: string, file: File): Promise<ChatAttachment> => {
  const res = await fetch(`/api/cases/${caseId}/attachments?fileName=${encodeURIComponent(file.name)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  });
  const json = (await res.json().catch(() => null)) as (ChatAttachment & { error?: { message: string } }) | null;
  if (!res.ok || !json || json.error) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
  return json;
};

/** The message box: @mention autocomplete (keyboard: arrows, Enter or Tab to pick, Escape to close) and files. */
export function ChatComposer({ caseId, members, onSend, onTyping }: ChatComposerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [files, setFiles] = useState<ChatAttachment[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const suggestions = query ? matchMembers(members, query.query) : [];
  const open = query !== null;
  const tooLong = text.length > CHAT_MAX_BODY_CHARS;

  const track = (value: string, caret: number) => {
    setText(value);
    const q = mentionQueryAt(value, caret);
    setQuery(q);
    if (q?.query !== query?.query) setActive(0);
  };

  const pick = (m: Mentionable) => {
    if (!query) return;
    const caret = input.current?.selectionStart ?? text.length;
    const inserted = `@${m.displayName} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(next);
    setPicked((all) => (all.some((p) => p.userId === m.userId) ? all : [...all, m]));
    setQuery(null);
    requestAnimationFrame(() => {
      const at = query.start + inserted.length;
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (tooLong || uploading || (text.trim() === "" && files.length === 0)) return;
    onSend(encodeMentions(text, picked), files);
    setText("");
    setPicked([]);
    setFiles([]);
    setQuery(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && suggestions.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((i) => (i + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(suggestions[active] ?? suggestions[0]!);
        return;
      }
    }
    if (open && e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
      return;
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    track(e.target.value, e.target.selectionStart);
    onTyping();
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setFileError(null);
    setUploading(file.name);
    try {
      const stored = await uploadFile(caseId, file);
      setFiles((all) => [...all, stored]);
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(null);
    }
  };

  const listId = `${id}-mentions`;
  return (
    <form className="chat-composer" onSubmit={submit} data-testid="chat-composer">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t("chat.composerLabel")}
      </label>
      <div className="chat-input-wrap">
        <textarea
          ref={input}
          id={`${id}-text`}
          value={text}
          rows={2}
          placeholder={t("chat.placeholder")}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setTimeout(() => setQuery(null), 150)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && suggestions[active] ? `${listId}-${suggestions[active].userId}` : undefined}
          aria-invalid={tooLong}
          aria-describedby={`${id}-hint`}
          data-testid="chat-input"
        />
        {open && (
          <ul id={listId} role="listbox" className="chat-mention-list" aria-label={t("chat.mentionSuggestions")} data-testid="chat-mention-list">
            {suggestions.length === 0 ? (
              <li className="muted" role="option" aria-disabled="true" aria-selected="false">
                {t("chat.noMatch")}
              </li>
            ) : (
              suggestions.map((m, i) => (
                <li
                  key={m.userId}
                  id={`${listId}-${m.userId}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? "active" : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(m);
                  }}
                  data-testid="chat-mention-option"
                >
                  {m.displayName}
                </li>
              ))
            )}
          </ul>
        )}
      </div>
      <p id={`${id}-hint`} className={tooLong ? "error" : "muted chat-hint"} role={tooLong ? "alert" : undefined}>
        {tooLong ? t("chat.tooLong", { max: format.integer(CHAT_MAX_BODY_CHARS) }) : text.length > CHAT_MAX_BODY_CHARS - 500 ? t("chat.charactersLeft", { count: CHAT_MAX_BODY_CHARS - text.length }) : ""}
      </p>
      {files.length > 0 && (
        <ul className="chat-draft-files">
          {files.map((f) => (
            <li key={f.id} data-testid="chat-draft-file">
              {f.fileName} ({formatFileSize(f.sizeBytes, format.locale)}){" "}
              <button type="button" className="button button-small button-quiet" aria-label={t("chat.removeAttachment", { name: f.fileName })} onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploading && <p className="muted">{t("chat.uploading", { name: uploading })}</p>}
      {fileError && (
        <p className="error" role="alert" data-testid="chat-file-error">
          {fileError}
        </p>
      )}
      <div className="chat-composer-actions">
        <label className="button button-small chat-attach">
          {t("chat.attach")}
          <input type="file" className="visually-hidden" onChange={(e) => void onFile(e)} data-testid="chat-file-input" />
        </label>
        <span className="muted chat-hint">{t("chat.attachHint", { max: formatFileSize(ATTACHMENT_HINT_BYTES, format.locale) })}</span>
        <button type="submit" className="button button-primary" disabled={tooLong || uploading !== null} data-testid="chat-send">
          {t("chat.send")}
        </button>
      </div>
    </form>
  );
}
