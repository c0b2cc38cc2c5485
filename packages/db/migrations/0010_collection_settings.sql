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
