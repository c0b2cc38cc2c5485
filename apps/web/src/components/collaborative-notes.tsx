import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCollaborativeSession } from "../hooks/use-collaborative-session.ts";
import { useCollaborators } from "../hooks/use-collaborators.ts";
import { useMe } from "../hooks/use-me.ts";
import { collaboratorColor } from "../lib/collaborator-color.ts";
import { endExpiredSession } from "../lib/session.ts";
import type { CollaborationStatus, CollaborativeSession } from "../lib/collaborative-session.ts";
import { NotesToolbar } from "./notes-toolbar.tsx";
import "../styles/collaborative-notes.css";

interface Props {
  /** `/yjs/<documentName>` on this origin, e.g. `case-<uuid>` or `dispute-<uuid>`. */
  documentName: string;
  /** Heading of the section. */
  title: string;
}

/**
 * Rich-text notes edited by several people at once (Tiptap on a Y.Doc synced through the server), with the others'
 * cursors and names, the connection state and read-only mode when the server says so.
 */
export function CollaborativeNotes({ documentName, title }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { session, status, readOnly } = useCollaborativeSession(documentName);
  return (
    <section className="case-section collaborative-notes" aria-labelledby={titleId} data-testid="collaborative-notes" data-status={status} data-read-only={readOnly}>
      <div className="notes-heading">
        <h2 id={titleId}>{title}</h2>
        <p className={`notes-status notes-status-${status}`} role="status" data-testid="notes-status">
          {t(STATUS_TEXT[status])}
          {readOnly && <> · {t("notes.readOnly")}</>}
          {status === "sessionEnded" && (
            <>
              {" "}
              {/* the sign-in page says why, and brings the person back here once signed in */}
              <button type="button" className="button button-small" onClick={endExpiredSession} data-testid="notes-sign-in-again">
                {t("notes.signInAgain")}
              </button>
            </>
          )}
        </p>
      </div>
      {session ? <NotesEditor key={documentName} session={session} status={status} readOnly={readOnly} titleId={titleId} /> : null}
    </section>
  );
}

const STATUS_TEXT = {
  live: "notes.live",
  syncing: "notes.syncing",
  connecting: "notes.connecting",
  sessionEnded: "notes.sessionEnded",
  noAccess: "notes.noAccess",
} as const satisfies Record<
  CollaborationStatus,
  string
>;

function NotesEditor({ session, status, readOnly, titleId }: { session: CollaborativeSession; status: CollaborationStatus; readOnly: boolean; titleId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  // Typing before the first sync would go into an empty copy; offline typing afterwards is fine (Yjs merges it later).
  const [everSynced, setEverSynced] = useState(false);
  useEffect(() => {
    if (status === "live") setEverSynced(true);
  }, [status]);
  // Once the server ended the connection for good, typing would go nowhere: stop it.
  const ended = status === "sessionEnded" || status === "noAccess";
  const editable = (everSynced || status === "live") && !readOnly && !ended;
  const editor = useEditor(
    {
      // The document's content comes from the server only: no initial content here, ever.
      editable: false,
      extensions: [
        // Collaboration brings its own undo/redo (per user, on the shared document).
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: session.doc }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: me.user.displayName, color: collaboratorColor(me.user.id) },
        }),
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": titleId,
          class: "notes-editor",
          "data-testid": "notes-editor",
        },
      },
    },
    [session],
  );
  useEffect(() => {
    editor?.setEditable(editable);
    editor?.view.dom.setAttribute("aria-readonly", String(!editable));
  }, [editor, editable]);
  const others = useCollaborators(session.provider);
  if (!editor) return null;
  return (
    <>
      <NotesToolbar editor={editor} disabled={!editable} />
      <EditorContent editor={editor} />
      <ul className="notes-collaborators" aria-label={t("notes.othersHere")} data-testid="notes-collaborators">
        {others.map((o) => (
          <li key={o.clientId} data-testid="notes-collaborator" style={{ borderColor: o.color }}>
            <span className="notes-swatch" style={{ backgroundColor: o.color }} aria-hidden="true" />
            {o.name}
          </li>
        ))}
      </ul>
    </>
  );
}
