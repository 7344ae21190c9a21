package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.adapters.persistence.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Metadata;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.SortOrder;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;

/** Memory entries in SQL that both H2 and Postgres accept. */
public final class JdbcMemories implements Memories, AccountMemories {

    private static final String COLUMNS = "id, user_id, title, content, type, tags, metadata, created_at, updated_at,"
            + " last_accessed, access_count";
    /**
     * Postgres full-text: how many of the newest matches (of all the query's words, and of any) are
     * ranked; older matches beyond that are found when they hold all the words among the newest of those.
     */
    static final int RANKED_MATCHES = 1000;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<String>> JSON_STRINGS = new TypeReference<>() { };

    private final JdbcDatabase database;
    private final Tenancy tenancy;
    private final ObjectMapper json = Json.MAPPER;
    /** The full-text index on H2; null on Postgres, whose index is a generated column in the table. */
    private final LuceneTextIndex textIndex;
    /** Reads counted in memory and written behind; null: written in the read. */
    private final AccessCounts accessCounts;

    public JdbcMemories(JdbcDatabase database) {
        this(database, Tenancy.BY_QUERY);
    }

    public JdbcMemories(JdbcDatabase database, Tenancy tenancy) {
        this(database, tenancy, null);
    }

    /**
     * @param accessCounts where reads are counted and written behind (started here), or null to write
     *                     each read's counters at once
     */
    public JdbcMemories(JdbcDatabase database, Tenancy tenancy, AccessCounts accessCounts) {
        this.database = database;
        this.tenancy = tenancy;
        this.textIndex = database.run(Session::isH2) ? indexOfAllEntries() : null;
        this.accessCounts = accessCounts;
        if (accessCounts != null) {
            accessCounts.start(this::writeAccesses);
        }
    }

    /** Builds the H2 full-text index from every stored entry. */
    private LuceneTextIndex indexOfAllEntries() {
        LuceneTextIndex index = new LuceneTextIndex();
        database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM memory_entries")) {
                select.setFetchSize(1000);
                entries(select, index::put);
            }
            return null;
        });
        return index;
    }

    /** Runs the statements as {@code owner}: under row-level security, in a transaction that carries the owner. */
    private <T> T as(UserId owner, JdbcDatabase.SqlWork<T> work) {
        if (tenancy == Tenancy.BY_QUERY) {
            return database.run(work);
        }
        return database.alwaysCommit(() -> database.run(session -> {
            try (PreparedStatement role = session.prepare("SET LOCAL ROLE authenticated")) {
                role.execute();
            }
            try (PreparedStatement claims = session.prepare(
                    "SELECT set_config('request.jwt.claims', ?, true)")) {
                claims.setString(1, "{\"sub\":\"" + owner + "\",\"role\":\"authenticated\"}");
                claims.execute();
            }
            return work.apply(session);
        }));
    }

    @Override
    public void add(MemoryEntry entry) {
        as(entry.owner(), session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO memory_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, entry.id().value());
                insert.setObject(2, entry.owner().value());
                bindFields(insert, 3, entry);
                Rows.setInstant(insert, 8, entry.createdAt());
                Rows.setInstant(insert, 9, entry.updatedAt());
                Rows.setInstant(insert, 10, entry.lastAccessed());
                insert.setLong(11, entry.accessCount());
                insert.executeUpdate();
            }
            insertTags(session, entry);
            if (textIndex != null) {
                textIndex.put(entry);
            }
            return null;
        });
    }

    @Override
    public Optional<MemoryEntry> find(UserId owner, MemoryId id) {
        return as(owner, session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM memory_entries WHERE id = ? AND user_id = ?")) {
                select.setObject(1, id.value());
                select.setObject(2, owner.value());
                List<MemoryEntry> found = entries(select);
                return found.stream().findFirst().map(entry -> withWaitingReads(owner, entry));
            }
        });
    }

    /** The entry as it will be once the reads waiting to be written are. */
    private MemoryEntry withWaitingReads(UserId owner, MemoryEntry entry) {
        AccessCounts.Access waiting = accessCounts == null ? null : accessCounts.waiting(owner, entry.id());
        if (waiting == null) {
            return entry;
        }
        Instant last = entry.lastAccessed() == null || waiting.last().isAfter(entry.lastAccessed()) ? waiting.last()
                : entry.lastAccessed();
        return new MemoryEntry(entry.id(), entry.owner(), entry.title(), entry.content(), entry.type(), entry.tags(),
                entry.metadata(), entry.createdAt(), entry.updatedAt(), last, entry.accessCount() + waiting.count());
    }

    @Override
    public boolean update(MemoryEntry entry) {
        return as(entry.owner(), session -> {
            int updated;
            try (PreparedStatement update = session.prepare("UPDATE memory_entries SET title = ?,"
                    + " content = ?, type = ?, tags = ?, metadata = ?, updated_at = ? WHERE id = ? AND user_id = ?")) {
                bindFields(update, 1, entry);
                Rows.setInstant(update, 6, entry.updatedAt());
                update.setObject(7, entry.id().value());
                update.setObject(8, entry.owner().value());
                updated = update.executeUpdate();
            }
            if (updated == 1) {
                try (PreparedStatement delete = session.prepare(
                        "DELETE FROM memory_tags WHERE memory_id = ?")) {
                    delete.setObject(1, entry.id().value());
                    delete.executeUpdate();
                }
                insertTags(session, entry);
                if (textIndex != null) {
                    textIndex.put(entry);
                }
            }
            return updated == 1;
        });
    }

    @Override
    public long eraseAll(UserId owner) {
        return as(owner, session -> {
            try (PreparedStatement tags = session.prepare("DELETE FROM memory_tags WHERE user_id = ?")) {
                tags.setObject(1, owner.value());
                tags.executeUpdate();
            }
            try (PreparedStatement delete = session.prepare("DELETE FROM memory_entries WHERE user_id = ?")) {
                delete.setObject(1, owner.value());
                long deleted = delete.executeUpdate();
                if (textIndex != null) {
                    textIndex.removeOwner(owner);
                }
                return deleted;
            }
        });
    }

    @Override
    public boolean delete(UserId owner, MemoryId id) {
        return as(owner, session -> {
            try (PreparedStatement delete = session.prepare(
                    "DELETE FROM memory_entries WHERE id = ? AND user_id = ?")) {
                delete.setObject(1, id.value());
                delete.setObject(2, owner.value());
                boolean deleted = delete.executeUpdate() == 1;
                if (deleted && textIndex != null) {
                    textIndex.remove(List.of(id));
                }
                return deleted;
            }
        });
    }

    @Override
    public Set<MemoryId> deleteAll(UserId owner, Collection<MemoryId> ids) {
        return as(owner, session -> {
            Set<MemoryId> deleted = new HashSet<>();
            try (PreparedStatement delete = session.prepare(
                    "DELETE FROM memory_entries WHERE id = ? AND user_id = ?")) {
                for (MemoryId id : ids) {
                    delete.setObject(1, id.value());
                    delete.setObject(2, owner.value());
                    if (delete.executeUpdate() == 1) {
                        deleted.add(id);
                    }
                }
            }
            if (textIndex != null && !deleted.isEmpty()) {
                textIndex.remove(deleted);
            }
            return deleted;
        });
    }

    @Override
    public MemoryPage page(UserId owner, MemoryQuery query) {
        Filter filter = new Filter(owner);
        query.type().ifPresent(type -> filter.types(Set.of(type)));
        filter.anyOfTags(query.anyOfTags());
        String direction = query.order() == SortOrder.ASC ? "ASC" : "DESC";
        String orderBy = switch (query.sort()) {
            case CREATED_AT -> "created_at " + direction;
            case UPDATED_AT -> "updated_at " + direction;
            case LAST_ACCESSED -> "last_accessed " + direction + " NULLS LAST";
            case TITLE -> "LOWER(title) " + direction;
        };
        return as(owner, session -> {
            long total;
            try (PreparedStatement count = filter.prepare(session, "SELECT COUNT(*) FROM memory_entries m", "")) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            try (PreparedStatement select = filter.prepare(session, "SELECT " + COLUMNS + " FROM memory_entries m",
                    " ORDER BY " + orderBy + ", id " + direction + " LIMIT ? OFFSET ?", query.limit(), query.offset())) {
                return new MemoryPage(entries(select), total, query.limit(), query.offset());
            }
        });
    }

    @Override
    public MemoryStats stats(UserId owner) {
        return as(owner, session -> {
            Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
            long total = 0;
            long bytes = 0;
            try (PreparedStatement select = session.prepare("SELECT type, COUNT(*), "
                    + "COALESCE(SUM(OCTET_LENGTH(content)), 0) FROM memory_entries WHERE user_id = ? GROUP BY type")) {
                select.setObject(1, owner.value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byType.put(MemoryType.parse("type", row.getString(1)), row.getLong(2));
                        total += row.getLong(2);
                        bytes += row.getLong(3);
                    }
                }
            }
            try (PreparedStatement recent = session.prepare("SELECT " + COLUMNS + " FROM memory_entries"
                    + " WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT " + MemoryStats.RECENT_COUNT)) {
                recent.setObject(1, owner.value());
                return new MemoryStats(total, byType, bytes, entries(recent));
            }
        });
    }

    @Override
    public List<MemoryEntry> findAll(UserId owner, Collection<MemoryId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MemoryId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return as(owner, session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM memory_entries"
                    + " WHERE user_id = ? AND id IN (" + Filter.placeholders(distinct.size()) + ")")) {
                select.setObject(1, owner.value());
                for (int i = 0; i < distinct.size(); i++) {
                    select.setObject(i + 2, distinct.get(i).value());
                }
                return entries(select);
            }
        });
    }

    @Override
    public List<Ranked> rankedByText(UserId owner, TextSearch search, int max) {
        return rankedByText(owner, search, max, false);
    }

    /**
     * {@code everyMatch}: rank every entry holding any of the words (session 4's query) instead of the
     * bounded candidate set the store uses; package-private so the tests and the benchmark can run both
     * on the same data (they answer alike while fewer than {@link #RANKED_MATCHES} entries match).
     */
    List<Ranked> rankedByText(UserId owner, TextSearch search, int max, boolean everyMatch) {
        if (textIndex != null) {
            return textIndex.search(owner, search, max);
        }
        List<String> words = tsWords(search.terms());
        if (words.isEmpty()) {
            return List.of();
        }
        String any = String.join(" | ", words);
        String all = String.join(" & ", words);
        Filter filter = new Filter(owner);
        filter.types(search.types());
        filter.anyOfTags(search.anyOfTags());
        return as(owner, session -> {
            List<Object> parameters = new ArrayList<>();
            String sql = everyMatch ? everyMatch(filter, any, max, parameters) : boundedCandidates(filter, any,
                    all, words.size(), max, parameters);
            try (PreparedStatement select = session.prepare(sql)) {
                plannedForItsValues(select);
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    List<Ranked> ranked = new ArrayList<>();
                    while (row.next()) {
                        ranked.add(new Ranked(new MemoryId(Rows.uuid(row, "id")), row.getDouble("score")));
                    }
                    return ranked;
                }
            }
        });
    }

    /**
     * Has Postgres plan this statement for the values bound to it, every time. How many entries a tsquery
     * matches decides the plan (a handful: the GIN index; thousands: walking the {@code (user_id,
     * updated_at)} index newest first until enough candidates are found), but after five executions on a
     * connection the driver keeps a server-side prepared statement, and Postgres may then settle on a
     * generic plan that estimated 50 matches for any query: measured at 10 000 entries, a bitmap scan of
     * 6 000 rows, 30 ms, where the index walk takes 3 ms. Through a transaction-mode pooler the driver
     * already prepares nothing ({@link DatabaseSettings#pooled()}).
     */
    private static void plannedForItsValues(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** {@code ts_rank} over every entry holding any of the words. */
    private static String everyMatch(Filter filter, String any, int max, List<Object> parameters) {
        parameters.add(any);
        parameters.addAll(filter.parameters);
        parameters.add(any);
        parameters.add(max);
        return "SELECT m.id, ts_rank(m.search_text, to_tsquery('english', ?)) AS score FROM memory_entries m"
                + filter.where + " AND m.search_text @@ to_tsquery('english', ?)"
                + " ORDER BY score DESC, m.updated_at DESC, m.id DESC LIMIT ?";
    }

    /**
     * {@code ts_rank} over a bounded candidate set, not every match: the newest RANKED_MATCHES entries
     * holding all the words, and the newest RANKED_MATCHES holding some but not all; each is read by the
     * GIN index when its words are rare, or by walking the (user_id, updated_at) index newest first when
     * they are common. UNION ALL of disjoint sets: no de-duplicating sort (sorting tsvectors is slow).
     */
    private static String boundedCandidates(Filter filter, String any, String all, int words, int max,
                                            List<Object> parameters) {
        String candidates = "SELECT m.id, m.search_text, m.updated_at FROM memory_entries m" + filter.where
                + " AND m.search_text @@ to_tsquery('english', ?)";
        String newest = " ORDER BY m.updated_at DESC LIMIT " + RANKED_MATCHES;
        parameters.add(any);
        String union;
        if (words > 1) {
            union = "(" + candidates + newest + ") UNION ALL (" + candidates
                    + " AND NOT m.search_text @@ to_tsquery('english', ?)" + newest + ")";
            parameters.addAll(filter.parameters);
            parameters.add(all);
            parameters.addAll(filter.parameters);
            parameters.add(any);
            parameters.add(all);
        } else {
            union = candidates + newest;
            parameters.addAll(filter.parameters);
            parameters.add(any);
        }
        parameters.add(max);
        return "SELECT c.id, ts_rank(c.search_text, to_tsquery('english', ?)) AS score FROM (" + union
                + ") c ORDER BY score DESC, c.updated_at DESC, c.id DESC LIMIT ?";
    }

    /**
     * The words of a Postgres tsquery: each reduced to its letters and digits and quoted, so nothing
     * in it is tsquery syntax; stemming and stop words are Postgres's.
     */
    static List<String> tsWords(List<String> terms) {
        Set<String> words = new LinkedHashSet<>();
        for (String term : terms) {
            for (String part : term.split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    words.add("'" + part + "'");
                }
            }
        }
        return List.copyOf(words);
    }

    @Override
    public void recordAccess(UserId owner, MemoryId id, Instant at) {
        if (accessCounts != null) {
            accessCounts.record(owner, id, at);
            return;
        }
        as(owner, session -> {
            try (PreparedStatement update = session.prepare("UPDATE memory_entries SET last_accessed = ?,"
                    + " access_count = access_count + 1 WHERE id = ? AND user_id = ?")) {
                Rows.setInstant(update, 1, at);
                update.setObject(2, id.value());
                update.setObject(3, owner.value());
                return update.executeUpdate();
            }
        });
    }

    /** One batch of coalesced reads of one owner's entries (the write-behind's writer). */
    private void writeAccesses(UserId owner, List<AccessCounts.Access> accesses) {
        as(owner, session -> {
            try (PreparedStatement update = session.prepare("UPDATE memory_entries SET last_accessed = CASE"
                    + " WHEN last_accessed IS NULL OR last_accessed < ? THEN ? ELSE last_accessed END,"
                    + " access_count = access_count + ? WHERE id = ? AND user_id = ?")) {
                for (AccessCounts.Access access : accesses) {
                    Rows.setInstant(update, 1, access.last());
                    Rows.setInstant(update, 2, access.last());
                    update.setLong(3, access.count());
                    update.setObject(4, access.id().value());
                    update.setObject(5, owner.value());
                    update.addBatch();
                }
                return update.executeBatch().length;
            }
        });
    }

    private void bindFields(PreparedStatement statement, int first, MemoryEntry entry) throws SQLException {
        statement.setString(first, entry.title().value());
        statement.setString(first + 1, entry.content().value());
        statement.setString(first + 2, entry.type().wireName());
        statement.setString(first + 3, toJson(entry.tags().values()));
        statement.setString(first + 4, toJson(entry.metadata().values()));
    }

    private static void insertTags(Session session, MemoryEntry entry) throws SQLException {
        if (entry.tags().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = session.prepare(
                "INSERT INTO memory_tags (memory_id, user_id, tag) VALUES (?, ?, ?)")) {
            for (String tag : lowerCased(entry.tags())) {
                insert.setObject(1, entry.id().value());
                insert.setObject(2, entry.owner().value());
                insert.setString(3, tag);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<String> lowerCased(Tags tags) {
        return tags.values().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private List<MemoryEntry> entries(PreparedStatement select) throws SQLException {
        List<MemoryEntry> entries = new ArrayList<>();
        entries(select, entries::add);
        return entries;
    }

    private void entries(PreparedStatement select, java.util.function.Consumer<MemoryEntry> each) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                each.accept(new MemoryEntry(new MemoryId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "user_id")),
                        new Title(row.getString("title")), new Content(row.getString("content")),
                        MemoryType.parse("type", row.getString("type")),
                        Tags.of(fromJson(row.getString("tags"), JSON_STRINGS)),
                        new Metadata(fromJson(row.getString("metadata"), JSON_OBJECT)),
                        Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                        Rows.instant(row, "last_accessed"), row.getLong("access_count")));
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreFailure("stored JSON is unreadable", e);
        }
    }

    /** A WHERE clause built from parts, with its parameters in order. */
    private static final class Filter {

        private final StringBuilder where = new StringBuilder(" WHERE m.user_id = ?");
        private final List<Object> parameters = new ArrayList<>();
        private final List<Object> leading = new ArrayList<>();
        private final List<Object> trailing = new ArrayList<>();
        private final UUID owner;

        Filter(UserId owner) {
            this.owner = owner.value();
            parameters.add(this.owner);
        }

        void types(Set<MemoryType> types) {
            if (!types.isEmpty()) {
                where.append(" AND m.type IN (").append(placeholders(types.size())).append(')');
                types.forEach(type -> parameters.add(type.wireName()));
            }
        }

        void anyOfTags(Tags tags) {
            if (!tags.isEmpty()) {
                Set<String> lower = lowerCased(tags);
                where.append(" AND EXISTS (SELECT 1 FROM memory_tags t WHERE t.memory_id = m.id AND t.user_id = ?"
                        + " AND t.tag IN (").append(placeholders(lower.size())).append("))");
                parameters.add(owner);
                parameters.addAll(lower);
            }
        }

        /** A parameter of the statement's head, before the WHERE clause. */
        void leading(Object parameter) {
            leading.add(parameter);
        }

        /** A parameter of the statement's tail, after the WHERE clause. */
        void trailing(Object parameter) {
            trailing.add(parameter);
        }

        /** {@code last}: values of placeholders in {@code tail} after the trailing ones (e.g. LIMIT and OFFSET). */
        PreparedStatement prepare(Session session, String head, String tail, Object... last) throws SQLException {
            PreparedStatement statement = session.prepare(head + where + tail);
            List<Object> all = new ArrayList<>(leading);
            all.addAll(parameters);
            all.addAll(trailing);
            all.addAll(List.of(last));
            for (int i = 0; i < all.size(); i++) {
                statement.setObject(i + 1, all.get(i));
            }
            return statement;
        }

        static String placeholders(int count) {
            return String.join(", ", Collections.nCopies(count, "?"));
        }
    }
}
