-- Sending a chat message checked its tenant twice: against the case (org_id, case_id) and against the organization
-- itself. The second check locks the organization's row (FOR KEY SHARE) in every send, so concurrent sends of one
-- tenant all write a lock on that one row, and the wait shows in every message's latency. It adds nothing: the case
-- belongs to the organization, and deleting the organization still removes the messages and counters through their
-- cases (ON DELETE CASCADE).
ALTER TABLE chat_messages DROP CONSTRAINT chat_messages_org_id_fkey;
ALTER TABLE chat_case_counters DROP CONSTRAINT chat_case_counters_org_id_fkey;
