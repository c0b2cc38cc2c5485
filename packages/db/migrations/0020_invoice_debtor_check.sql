-- Importing open items, continued: the invoices' foreign key to their debtor checked every new invoice on its own
-- (an index probe and a KEY SHARE lock written into the debtor's row), a million times for a million-row file: about
-- 0.7 s of each 100 000-row chunk, 15 % of the database's work. The same check now runs once per statement:
--
-- * after an insert, the statement's distinct debtors are locked FOR KEY SHARE at once (none can be deleted before
--   the insert commits, as the key ensured) and any invoice whose debtor is not there fails the statement with the
--   key's error (foreign_key_violation); under row-level security another tenant's debtor is not there;
-- * an update that moves an invoice to another debtor (rare: an import correcting the account) is checked row by
--   row, only when the debtor actually changes;
-- * deleting debtors deletes their invoices, as ON DELETE CASCADE did. A debtor deleted on its own has already taken
--   its invoices (kpi_debtor_deleting, while its dimensions can still be read); this covers the debtors that go with
--   their organization, run as the key's owner like the cascade it replaces.

ALTER TABLE invoices DROP CONSTRAINT invoices_org_id_debtor_id_fkey;

CREATE FUNCTION invoices_check_new_debtors() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  PERFORM 1 FROM debtors d
  WHERE (d.org_id, d.id) IN (SELECT n.org_id, n.debtor_id FROM new_invoices n)
  FOR KEY SHARE OF d;
  SELECT n.org_id, n.debtor_id INTO missing FROM new_invoices n
  WHERE NOT EXISTS (SELECT 1 FROM debtors d WHERE d.org_id = n.org_id AND d.id = n.debtor_id)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "invoices" violates foreign key to table "debtors"'
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (org_id, debtor_id)=(%s, %s) is not present in table "debtors".', missing.org_id, missing.debtor_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_check_new_debtors AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_check_new_debtors();

CREATE FUNCTION invoices_check_changed_debtor() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM debtors d WHERE d.org_id = NEW.org_id AND d.id = NEW.debtor_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insert or update on table "invoices" violates foreign key to table "debtors"'
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (org_id, debtor_id)=(%s, %s) is not present in table "debtors".', NEW.org_id, NEW.debtor_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_check_changed_debtor AFTER UPDATE OF org_id, debtor_id ON invoices
  FOR EACH ROW WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.debtor_id IS DISTINCT FROM NEW.debtor_id)
  EXECUTE FUNCTION invoices_check_changed_debtor();

CREATE FUNCTION invoices_follow_deleted_debtors() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM invoices i USING deleted_debtors d WHERE i.org_id = d.org_id AND i.debtor_id = d.id;
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_follow_deleted_debtors AFTER DELETE ON debtors
  REFERENCING OLD TABLE AS deleted_debtors FOR EACH STATEMENT EXECUTE FUNCTION invoices_follow_deleted_debtors();
