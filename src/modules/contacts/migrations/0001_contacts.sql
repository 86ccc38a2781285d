-- Contacts are people; a contact can belong to several customers, each link with a role.
CREATE TABLE contacts (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  phone       text,
  email       text,
  title       text,
  notes       text,
  created_by  bigint REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_name_idx ON contacts (name text_pattern_ops);
CREATE INDEX contacts_phone_rev_idx ON contacts (reverse(phone) text_pattern_ops);

CREATE TABLE customer_contacts (
  customer_id bigint NOT NULL REFERENCES customers (id),
  contact_id  bigint NOT NULL REFERENCES contacts (id),
  role        text NOT NULL CHECK (role IN ('legal_representative', 'finance', 'technical', 'purchasing', 'family', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, contact_id)
);
CREATE INDEX customer_contacts_contact_idx ON customer_contacts (contact_id);
