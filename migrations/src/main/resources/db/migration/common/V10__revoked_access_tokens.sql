-- The deny-list of self-contained access tokens (client_credentials JWTs, issue 16): those tokens are
-- not stored, the signed JWT is their record; revoking one (RFC 7009) writes its jti here until it
-- expires (purged after expires_at). A row whose token_id is 'client:' || client_id revokes every
-- token of that client issued at or before revoked_at (the client was disabled or deleted).
-- No user data (client ids and token ids only): no row-level security needed.
CREATE TABLE oauth_revoked_tokens (
    token_id   VARCHAR(2100) PRIMARY KEY,
    client_id  VARCHAR(2048) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_revoked_tokens_expires ON oauth_revoked_tokens (expires_at);
