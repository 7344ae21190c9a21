-- Postgres only: the full-text leg of memory search (issue 15), a generated tsvector (English
-- stemming; title weighs most, then tags, then content) with a GIN index. Generated, not a trigger:
-- nothing to keep in step, and it works unchanged through a transaction-mode pooler. H2 keeps a
-- Lucene index in the application instead. IF NOT EXISTS: databases migrated before the single
-- migration tree already have both from their V8.
ALTER TABLE memory_entries ADD COLUMN IF NOT EXISTS search_text tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A')
    || setweight(to_tsvector('english'::regconfig, tags), 'B')
    || setweight(to_tsvector('english'::regconfig, content), 'C')) STORED;
CREATE INDEX IF NOT EXISTS memory_entries_search_text ON memory_entries USING GIN (search_text);
