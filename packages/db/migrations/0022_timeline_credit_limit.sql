-- A debtor's credit limit is now set in Relance (no accounting export carries it), and each change goes on the
-- debtor's timeline with the amounts before and after, as an event of its own kind.
ALTER TABLE timeline_events DROP CONSTRAINT timeline_events_kind_check;
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_kind_check CHECK (kind IN ('reminder', 'call', 'note', 'promise',
  'promise_kept', 'promise_broken', 'payment', 'stage_change', 'document', 'dispute', 'reply', 'bounce', 'hold', 'assignment',
  'credit_limit'));
