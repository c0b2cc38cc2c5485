import { segmentMessage } from "@relance/domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * A message body as text, http(s) links and mention chips: each piece is a React text node or element, never HTML,
 * so whatever a message contains is shown as written.
 */
export function ChatMessageText({ body, mentions }: { body: string; mentions: { userId: string; displayName: string }[] }) {
  const { t } = useTranslation();
  const segments = useMemo(() => segmentMessage(body, new Map(mentions.map((m) => [m.userId, m.displayName]))), [body, mentions]);
  return (
    <p className="chat-text">
      {segments.map((s, i) =>
        s.kind === "text" ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === "link" ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
            {s.href}
          </a>
        ) : (
          <span key={i} className="chat-mention" data-testid="chat-mention" data-user-id={s.userId}>
            @{s.displayName ?? t("chat.unknownMember")}
          </span>
        ),
      )}
    </p>
  );
}
