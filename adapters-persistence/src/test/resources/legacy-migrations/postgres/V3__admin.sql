-- The admin plane (issue 17): disabled accounts, and reading the audit log back by user, client and type.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX audit_events_user ON audit_events (user_id, at);
CREATE INDEX audit_events_client ON audit_events (client_id, at);
CREATE INDEX audit_events_type ON audit_events (type, at);
CREATE INDEX oauth_access_tokens_user ON oauth_access_tokens (user_id);
CREATE INDEX oauth_refresh_tokens_user ON oauth_refresh_tokens (user_id);

-- a disabled dynamic client is unknown to every flow until enabled again
ALTER TABLE oauth_clients ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX oauth_access_tokens_client ON oauth_access_tokens (client_id);
CREATE INDEX oauth_refresh_tokens_client ON oauth_refresh_tokens (client_id);
