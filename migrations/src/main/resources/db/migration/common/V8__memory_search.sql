-- Memory search (issue 15): one vector per memory entry, with the model that made it; searches
-- compare only vectors of their own model. The entry's deletion takes its vector with it.
-- embedded_micros (when it was written, in microseconds) lets each instance check cheaply
-- (COUNT and SUM over the index) whether its cache of a user's vectors is still current.
-- The full-text leg is vendor-specific: a Lucene index kept by the application on H2, a generated
-- tsvector with a GIN index on Postgres (postgres/V8_1).
CREATE TABLE memory_vectors (
    memory_id       UUID PRIMARY KEY REFERENCES memory_entries (id) ON DELETE CASCADE,
    user_id         UUID NOT NULL,
    model           VARCHAR(200) NOT NULL,
    dimensions      INT NOT NULL,
    vector          ${bytes} NOT NULL,
    embedded_micros BIGINT NOT NULL,
    CONSTRAINT memory_vectors_length CHECK (OCTET_LENGTH(vector) = 4 * dimensions)
);
CREATE INDEX memory_vectors_user_model ON memory_vectors (user_id, model, embedded_micros);
CREATE INDEX memory_vectors_model ON memory_vectors (model, dimensions);
