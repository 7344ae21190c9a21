-- Upstream MCP servers added by administrators at run time (issue 14); configured ones are not stored.
-- Lists are one value per line (values never contain line breaks); env is NAME=value per line.
-- credential_value is the gateway's own credential for the upstream (it must be sent as is, so it
-- cannot be hashed); it is never returned by the API. No user data: no row-level security needed.
CREATE TABLE upstream_servers (
    name              VARCHAR(63)  PRIMARY KEY,
    title             VARCHAR(200) NOT NULL,
    url               VARCHAR(2048),
    command           VARCHAR(1024),
    args              TEXT         NOT NULL,
    env               TEXT         NOT NULL,
    working_dir       VARCHAR(1024),
    required_scopes   TEXT         NOT NULL,
    allowed_users     TEXT         NOT NULL,
    allowed_emails    TEXT         NOT NULL,
    api_keys          BOOLEAN      NOT NULL,
    credential_header VARCHAR(64),
    credential_value  TEXT,
    enabled           BOOLEAN      NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
