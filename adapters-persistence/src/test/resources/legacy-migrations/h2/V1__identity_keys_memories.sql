-- Embedded default (H2). Kept column-for-column with the postgres folder.
CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(100),
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE api_keys (
    id           VARCHAR(64) PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    scopes       VARCHAR(2000) NOT NULL,
    secret_hash  CHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

CREATE TABLE signing_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    algorithm   VARCHAR(16) NOT NULL,
    private_jwk VARCHAR(8000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE
);

-- memories may live in another database than users: no foreign key to users
CREATE TABLE memory_entries (
    id            UUID PRIMARY KEY,
    user_id       UUID NOT NULL,
    title         VARCHAR(200) NOT NULL,
    content       VARCHAR(50000) NOT NULL,
    type          VARCHAR(16) NOT NULL,
    tags          VARCHAR(2000) NOT NULL,
    metadata      VARCHAR(1000000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_accessed TIMESTAMP WITH TIME ZONE,
    access_count  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX memory_entries_user_created ON memory_entries (user_id, created_at);
CREATE INDEX memory_entries_user_updated ON memory_entries (user_id, updated_at);

-- one row per tag, lower-cased, for filtering; the entry's own tags column keeps spelling and order.
-- 200, not 50: lower-casing can lengthen a tag (U+0130 becomes two characters)
CREATE TABLE memory_tags (
    memory_id UUID NOT NULL REFERENCES memory_entries (id) ON DELETE CASCADE,
    user_id   UUID NOT NULL,
    tag       VARCHAR(200) NOT NULL,
    PRIMARY KEY (memory_id, tag)
);
CREATE INDEX memory_tags_user_tag ON memory_tags (user_id, tag);
