-- Importing a million open items: one index fewer to maintain on every invoice written.
--
-- The external id's unique key and its prefix-search index held the same column pair in two copies. The unique key
-- now uses text_pattern_ops itself: equality (the import's upsert, ON CONFLICT (org_id, external_id)) reads it as
-- before, and so do the invoice search's prefix ranges (~>=~ / ~<~, leakproof, so usable under row-level security).
-- Nothing orders invoices by external id through an index.
ALTER TABLE invoices DROP CONSTRAINT invoices_external_id_key;
DROP INDEX invoices_external_prefix_idx;
CREATE UNIQUE INDEX invoices_external_id_key ON invoices (org_id, external_id text_pattern_ops);
