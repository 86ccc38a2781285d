-- Contact details beside the phone (the phone is also the customer's self-service login): an e-mail
-- address and a backup phone, which staff and the customer (in the portal) maintain.
ALTER TABLE customers ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 100);
ALTER TABLE customers ADD COLUMN backup_phone text CHECK (backup_phone ~ '^[0-9-]{7,16}$');
