-- Collection settings: the tenant's sender details printed on letters and on the Swiss QR-bill payment part.
-- All optional: a tenant fills them in from the admin settings; letters print what is there and nothing in its place.

ALTER TABLE organizations
  ADD COLUMN legal_name text CHECK (length(legal_name) BETWEEN 1 AND 200),
  ADD COLUMN street text CHECK (length(street) BETWEEN 1 AND 70),
  ADD COLUMN building_number text CHECK (length(building_number) BETWEEN 1 AND 16),
  ADD COLUMN postal_code text CHECK (length(postal_code) BETWEEN 1 AND 16),
  ADD COLUMN town text CHECK (length(town) BETWEEN 1 AND 35),
  ADD COLUMN address_country text CHECK (address_country ~ '^[A-Z]{2}$'),
  ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 40),
  ADD COLUMN sender_email text CHECK (length(sender_email) BETWEEN 3 AND 254),
  -- SIREN (FR) or UID CHE-123.456.789 (CH), canonical spelling
  ADD COLUMN company_identifier text CHECK (length(company_identifier) BETWEEN 9 AND 20),
  -- compact (no spaces), validated by the application (ISO 13616 check digits; the QR-IBAN by its institution id)
  ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  ADD COLUMN qr_iban text CHECK (qr_iban ~ '^(CH|LI)[0-9]{2}[A-Z0-9]{17}$');

-- Court and enforcement steps whose deadlines the daily run watches: a French injonction de payer (lapses unless
-- served within 6 months of issue) and a Swiss payment order (continuation from 20 days to 1 year after service).
CREATE TABLE legal_proceedings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('fr_injonction', 'ch_payment_order')),
  issued_on date NOT NULL,
  served_on date CHECK (served_on >= issued_on),
  -- days a mainlevée case stopped the continuation clock (SchKG 88 al. 2)
  mainlevee_days integer NOT NULL DEFAULT 0 CHECK (mainlevee_days >= 0),
  reference text CHECK (length(reference) <= 100),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
);
CREATE INDEX legal_proceedings_case_idx ON legal_proceedings (org_id, case_id);
SELECT relance_isolate_tenant_table('legal_proceedings');

-- The alerts panel lists a member's alerts newest first; the digest picks those not e-mailed yet.
CREATE INDEX alerts_created_idx ON alerts (org_id, user_id, created_at DESC);
CREATE INDEX alerts_digest_idx ON alerts (org_id, user_id) WHERE emailed_at IS NULL;

-- A chased debtor who has paid everything is thanked once (when the case's policy version asks for it).
ALTER TABLE cases ADD COLUMN thanked_at timestamptz;
