-- Dunning planning at a million invoices: the recorded (invoice, step) rows lose their foreign key to invoices.
--
-- That key checked every new row with an index probe and a KEY SHARE lock written into the invoice row: about half of
-- the time of a first run recording 870 000 rows. Nothing is lost without it:
-- * a row is only ever written by the planner from the open invoices it has just read, in its tenant;
-- * invoices are deleted with their debtor (kpi_debtor_deleting), whose deletion cascades debtor → case → action →
--   these rows through the keys that stay (dunning_actions → cases, dunning_action_invoices → dunning_actions);
-- * an invoice deleted on its own still takes its rows with it: the trigger below does what ON DELETE CASCADE did.
--   It first waits for the tenant's planner (the same advisory lock), so a run cannot record a row for an invoice
--   deleted while it ran: either the run commits first and its rows are deleted here, or it starts after and no
--   longer sees the invoice.

ALTER TABLE dunning_action_invoices DROP CONSTRAINT dunning_action_invoices_org_id_invoice_id_fkey;

CREATE FUNCTION dunning_action_invoices_follow_deleted_invoices() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('relance.dunning.plan'), hashtext(o.org_id::text))
  FROM (SELECT DISTINCT org_id FROM deleted_invoices ORDER BY org_id) o;
  DELETE FROM dunning_action_invoices x USING deleted_invoices d WHERE x.org_id = d.org_id AND x.invoice_id = d.id;
  RETURN NULL;
END $$;

CREATE TRIGGER dunning_action_invoices_follow_deleted_invoices AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS deleted_invoices FOR EACH STATEMENT EXECUTE FUNCTION dunning_action_invoices_follow_deleted_invoices();
