-- Client ID Metadata Documents: a client_id may be the https URL of its document, often longer than
-- 100 characters (every vendor). 2048 = OAuthClient.MAX_DOCUMENT_URL_LENGTH.
ALTER TABLE oauth_clients ALTER COLUMN client_id SET DATA TYPE VARCHAR(2048);
ALTER TABLE oauth_consents ALTER COLUMN client_id SET DATA TYPE VARCHAR(2048);
ALTER TABLE oauth_access_tokens ALTER COLUMN client_id SET DATA TYPE VARCHAR(2048);
ALTER TABLE oauth_access_tokens ALTER COLUMN subject SET DATA TYPE VARCHAR(2048);
ALTER TABLE oauth_refresh_tokens ALTER COLUMN client_id SET DATA TYPE VARCHAR(2048);
ALTER TABLE audit_events ALTER COLUMN client_id SET DATA TYPE VARCHAR(2048);
