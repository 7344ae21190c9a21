-- Account self-service (issue 17): an API key's rotation keeps the secret before it usable for a grace period.
ALTER TABLE api_keys ADD COLUMN previous_secret_hash CHAR(64);
ALTER TABLE api_keys ADD COLUMN previous_secret_until TIMESTAMP WITH TIME ZONE;
