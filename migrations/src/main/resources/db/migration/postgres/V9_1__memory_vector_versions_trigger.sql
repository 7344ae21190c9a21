-- Postgres: advances memory_vector_versions (V9) once per statement and owner/model that changed
-- memory_vectors, cascade deletes included (a foreign-key action fires the referencing table's
-- triggers). Statement-level with transition tables: a statement that deletes 100 000 vectors
-- advances the version once, not 100 000 times. Keys in a fixed order, so two statements never
-- lock two owners' rows in opposite orders. Runs as the caller: on Supabase the table has an
-- auth.uid() policy like the vectors (supabase/afterMigrate.sql). The table is named with its schema
-- (the Neon flavour keeps ours in its own schema, not on the writer's search path).
CREATE OR REPLACE FUNCTION memory_vector_versions_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO "${flyway:defaultSchema}".memory_vector_versions (user_id, model, dimensions, version)
        SELECT user_id, model, dimensions, 1
        FROM (SELECT user_id, model, dimensions FROM changed_old
              UNION SELECT user_id, model, dimensions FROM changed) keys
        ORDER BY user_id, model, dimensions
        ON CONFLICT (user_id, model, dimensions) DO UPDATE SET version = memory_vector_versions.version + 1;
    ELSE
        INSERT INTO "${flyway:defaultSchema}".memory_vector_versions (user_id, model, dimensions, version)
        SELECT user_id, model, dimensions, 1
        FROM (SELECT DISTINCT user_id, model, dimensions FROM changed) keys
        ORDER BY user_id, model, dimensions
        ON CONFLICT (user_id, model, dimensions) DO UPDATE SET version = memory_vector_versions.version + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER memory_vectors_inserted AFTER INSERT ON memory_vectors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION memory_vector_versions_advance();
CREATE TRIGGER memory_vectors_deleted AFTER DELETE ON memory_vectors
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION memory_vector_versions_advance();
CREATE TRIGGER memory_vectors_updated AFTER UPDATE ON memory_vectors
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION memory_vector_versions_advance();
