-- Supabase flavour: memories are also guarded by row-level security keyed on auth.uid().
-- Runs after every migration and is idempotent; it creates only what is ours and expects
-- Supabase's own objects (roles anon/authenticated/service_role, schema auth with uid()).
ALTER TABLE memory_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_vectors ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_vector_versions ENABLE ROW LEVEL SECURITY;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                   AND tablename = 'memory_entries' AND policyname = 'memory_entries_owner') THEN
        CREATE POLICY memory_entries_owner ON memory_entries FOR ALL TO authenticated
            USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                   AND tablename = 'memory_tags' AND policyname = 'memory_tags_owner') THEN
        CREATE POLICY memory_tags_owner ON memory_tags FOR ALL TO authenticated
            USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                   AND tablename = 'memory_vectors' AND policyname = 'memory_vectors_owner') THEN
        CREATE POLICY memory_vectors_owner ON memory_vectors FOR ALL TO authenticated
            USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
    END IF;
    -- the vector caches' check (V9): advanced by a trigger running as the writer, read by the owner's checks
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                   AND tablename = 'memory_vector_versions' AND policyname = 'memory_vector_versions_owner') THEN
        CREATE POLICY memory_vector_versions_owner ON memory_vector_versions FOR ALL TO authenticated
            USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
    END IF;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON memory_entries, memory_tags, memory_vectors TO authenticated;
GRANT SELECT, INSERT, UPDATE ON memory_vector_versions TO authenticated;

-- The request log (addresses, user ids) is for the service and its administrators only: with row-level
-- security on and no policy, Supabase's anon and authenticated roles (PostgREST) read nothing.
ALTER TABLE request_log ENABLE ROW LEVEL SECURITY;
