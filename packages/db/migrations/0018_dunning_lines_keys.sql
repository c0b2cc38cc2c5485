-- Dunning planning at a million invoices, continued: the recorded (invoice, step) rows lose their foreign key to
-- their action, their keys lose the tenant column, and cases stop checking their organization twice.
--
-- * The key to dunning_actions checked each of the 870 000 rows of a first run with an index probe and a KEY SHARE
--   lock written into its action's row: 40 % of the recording statement. The rows are written only by the planner,
--   in the statement after it inserted their actions, in the same transaction and tenant. An action is deleted only
--   when it has no rows (a run that lost the race to another) or with its case, and the trigger below takes the rows
--   with it, as ON DELETE CASCADE did (a case deleted with its debtor or organization runs it as the key's owner,
--   like the cascade it replaces).
-- * Invoice and action ids are unique on their own: the primary key (invoice, step) and the action index no longer
--   repeat the tenant, which makes both a third smaller. Row-level security still filters every read by tenant.

ALTER TABLE dunning_action_invoices DROP CONSTRAINT dunning_action_invoices_org_id_action_id_fkey;

CREATE FUNCTION dunning_action_invoices_follow_deleted_actions() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dunning_action_invoices x USING deleted_actions a WHERE x.action_id = a.id;
  RETURN NULL;
END $$;

CREATE TRIGGER dunning_action_invoices_follow_deleted_actions AFTER DELETE ON dunning_actions
  REFERENCING OLD TABLE AS deleted_actions FOR EACH STATEMENT EXECUTE FUNCTION dunning_action_invoices_follow_deleted_actions();

ALTER TABLE dunning_action_invoices DROP CONSTRAINT dunning_action_invoices_pkey;
ALTER TABLE dunning_action_invoices ADD PRIMARY KEY (invoice_id, step_index);
DROP INDEX dunning_action_invoices_action_idx;
CREATE INDEX dunning_action_invoices_action_idx ON dunning_action_invoices (action_id);

-- A case checked its tenant twice: against its debtor (org_id, debtor_id) and against the organization itself, whose
-- one row every new case then locked (FOR KEY SHARE): 50 000 locks on one row when a first run opens 50 000 cases.
-- The debtor belongs to the organization, and deleting the organization still removes its cases through their
-- debtors (ON DELETE CASCADE).
ALTER TABLE cases DROP CONSTRAINT cases_org_id_fkey;

-- Planning sets the next action date of every case it plans for (50 000 on a first run). Pages filled to the brim
-- make each of those updates a new row version elsewhere, with an entry in all four indexes of cases; with room left
-- on the page (none of those columns is indexed) the update stays on its page and touches no index.
ALTER TABLE cases SET (fillfactor = 90);
