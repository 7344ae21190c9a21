-- Memory search (issue 15), column-for-column with h2 for the vectors; see h2/V8 for why
-- embedded_micros. Vectors are float32 little-endian bytes (no pgvector on these servers; a
-- pgvector adapter would add its own column and index behind the same port).
CREATE TABLE memory_vectors (
    memory_id       UUID PRIMARY KEY REFERENCES memory_entries (id) ON DELETE CASCADE,
    user_id         UUID NOT NULL,
    model           VARCHAR(200) NOT NULL,
    dimensions      INT NOT NULL,
    vector          BYTEA NOT NULL,
    embedded_micros BIGINT NOT NULL,
    CONSTRAINT memory_vectors_length CHECK (octet_length(vector) = 4 * dimensions)
);
CREATE INDEX memory_vectors_user_model ON memory_vectors (user_id, model, embedded_micros);
CREATE INDEX memory_vectors_model ON memory_vectors (model, dimensions);

-- The full-text leg: a generated tsvector (English stemming; title weighs most, then tags, then
-- content) with a GIN index. Generated, not a trigger: nothing to keep in step, and it works
-- unchanged through a transaction-mode pooler.
ALTER TABLE memory_entries ADD COLUMN search_text tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A')
    || setweight(to_tsvector('english'::regconfig, tags), 'B')
    || setweight(to_tsvector('english'::regconfig, content), 'C')) STORED;
CREATE INDEX memory_entries_search_text ON memory_entries USING GIN (search_text);
