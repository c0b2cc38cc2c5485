import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslation } from "react-i18next";

/** Bold, italic and the two lists: buttons that say whether they are on (aria-pressed). */
export function NotesToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
    }),
  });
  const buttons = [
    { key: "bold", label: t("notes.bold"), text: "B", run: () => editor.chain().focus().toggleBold().run() },
    { key: "italic", label: t("notes.italic"), text: "I", run: () => editor.chain().focus().toggleItalic().run() },
    { key: "bulletList", label: t("notes.bulletList"), text: "•", run: () => editor.chain().focus().toggleBulletList().run() },
    { key: "orderedList", label: t("notes.orderedList"), text: "1.", run: () => editor.chain().focus().toggleOrderedList().run() },
  ] as const;
  return (
    <div className="notes-toolbar" role="toolbar" aria-label={t("notes.toolbar")}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`notes-tool notes-tool-${b.key}`}
          aria-label={b.label}
          title={b.label}
          aria-pressed={active[b.key]}
          disabled={disabled}
          onClick={b.run}
          data-testid={`notes-${b.key}`}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
