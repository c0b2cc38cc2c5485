import {
  appendDocumentUpdates,
  compactDocument,
  type Database,
  loadDocument,
  lockDocument,
  withTenant,
} from "@relance/db";
import * as Y from "yjs";
import { applyStored } from "./document-storage.ts";
import { documentPlainText } from "./plain-text.ts";
import type { YjsPersistence } from "./types.ts";

/**
 * Documents in `documents` (snapshot + plain text) and `document_updates` (appended since), under the tenant's
 * row-level security. Every store locks the document row first, so two stores of one document never interleave,
 * even from two nodes.
 */
export const createPostgresYjsPersistence = (db: Database): YjsPersistence => ({
  load: (orgId, docName) => withTenant(db.sql, orgId, (tx) => loadDocument(tx, docName)),

  store: (orgId, docName, { updates, snapshot, compactUpToId }) =>
    withTenant(db.sql, orgId, async (tx) => {
      await lockDocument(tx, orgId, docName);
      await appendDocumentUpdates(tx, orgId, docName, updates);
      if (compactUpToId === null) return;
      // The new snapshot is what is stored merged with the caller's state, not the caller's state alone: another
      // node may have appended updates this one has not seen yet, and deleting them would lose edits.
      const stored = await loadDocument(tx, docName);
      const merged = new Y.Doc();
      try {
        applyStored(merged, { snapshot: stored.snapshot, updates: [...stored.updates, snapshot] }, null);
        const upToId = Math.max(stored.lastUpdateId, compactUpToId);
        await compactDocument(tx, docName, Y.encodeStateAsUpdate(merged), documentPlainText(merged), upToId);
      } finally {
        merged.destroy();
      }
    }),
});
