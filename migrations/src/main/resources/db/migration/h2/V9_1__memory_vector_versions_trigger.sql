-- H2: advances memory_vector_versions (V9) for every row changed in memory_vectors, cascade deletes
-- included, through a Java trigger in the adapter (H2 has no procedural SQL). Row-level: H2 triggers
-- see no transition tables; a bulk delete advances the version once per row (still one small MERGE).
CREATE TRIGGER memory_vectors_versions AFTER INSERT, UPDATE, DELETE ON memory_vectors FOR EACH ROW
    CALL "com.lanonasis.gateway.adapters.persistence.jdbc.H2VectorVersions";
