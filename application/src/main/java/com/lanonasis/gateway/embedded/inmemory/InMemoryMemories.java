package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.SortOrder;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Memory entries in a table, with the same filters, orders and full-text leg as the JDBC store:
 * words are lower-cased, stop words dropped and English suffixes stemmed, a hit in the title
 * outranks one in the tags, which outranks one in the content, and ties go to the latest update.
 */
public final class InMemoryMemories implements Memories, AccountMemories {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<MemoryId, MemoryEntry> entries;

    public InMemoryMemories(InMemoryDatabase database) {
        this.database = database;
        this.entries = database.table();
    }

    @Override
    public void add(MemoryEntry entry) {
        if (!entries.insert(entry.id(), entry)) {
            throw new IllegalStateException("memory id already taken: " + entry.id());
        }
    }

    @Override
    public Optional<MemoryEntry> find(UserId owner, MemoryId id) {
        return entries.get(id).filter(entry -> entry.owner().equals(owner));
    }

    @Override
    public boolean update(MemoryEntry entry) {
        return database.locked(() -> find(entry.owner(), entry.id()).map(old -> {
            entries.put(entry.id(), entry);
            return true;
        }).orElse(false));
    }

    @Override
    public boolean delete(UserId owner, MemoryId id) {
        return database.locked(() -> find(owner, id).map(old -> entries.remove(id).isPresent()).orElse(false));
    }

    @Override
    public Set<MemoryId> deleteAll(UserId owner, Collection<MemoryId> ids) {
        return database.locked(() -> ids.stream().filter(id -> delete(owner, id))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public long eraseAll(UserId owner) {
        return entries.removeIf(entry -> entry.owner().equals(owner));
    }

    @Override
    public MemoryPage page(UserId owner, MemoryQuery query) {
        Predicate<MemoryEntry> typed = entry -> query.type().map(type -> entry.type() == type).orElse(true);
        List<MemoryEntry> matching = owned(owner).stream().filter(typed.and(tagged(query.anyOfTags()))).toList();
        Comparator<MemoryEntry> order = switch (query.sort()) {
            case CREATED_AT -> Comparator.comparing(MemoryEntry::createdAt);
            case UPDATED_AT -> Comparator.comparing(MemoryEntry::updatedAt);
            case LAST_ACCESSED -> Comparator.comparing(MemoryEntry::lastAccessed,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case TITLE -> Comparator.comparing(entry -> entry.title().value().toLowerCase(Locale.ROOT));
        };
        Comparator<MemoryEntry> byId = Comparator.comparing(entry -> entry.id().value());
        Comparator<MemoryEntry> sorted = query.order() == SortOrder.ASC ? order.thenComparing(byId)
                : reversedKeepingNullsLast(query, order).thenComparing(byId.reversed());
        return new MemoryPage(matching.stream().sorted(sorted).skip(query.offset()).limit(query.limit()).toList(),
                matching.size(), query.limit(), query.offset());
    }

    /** Never-read entries come last in both directions, as {@code NULLS LAST} sorts them. */
    private static Comparator<MemoryEntry> reversedKeepingNullsLast(MemoryQuery query, Comparator<MemoryEntry> order) {
        if (query.sort() == com.lanonasis.gateway.domain.memory.MemorySort.LAST_ACCESSED) {
            return Comparator.comparing(MemoryEntry::lastAccessed, Comparator.nullsLast(Comparator.reverseOrder()));
        }
        return order.reversed();
    }

    @Override
    public MemoryStats stats(UserId owner) {
        List<MemoryEntry> mine = owned(owner);
        Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
        mine.forEach(entry -> byType.merge(entry.type(), 1L, Long::sum));
        long bytes = mine.stream().mapToLong(entry -> entry.content().value().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        List<MemoryEntry> recent = mine.stream().sorted(Comparator.comparing(MemoryEntry::createdAt)
                        .thenComparing(entry -> entry.id().value()).reversed())
                .limit(MemoryStats.RECENT_COUNT).toList();
        return new MemoryStats(mine.size(), byType, bytes, recent);
    }

    @Override
    public List<MemoryEntry> findAll(UserId owner, Collection<MemoryId> ids) {
        return new LinkedHashSet<>(ids).stream().map(id -> find(owner, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public List<Ranked> rankedByText(UserId owner, TextSearch search, int max) {
        Set<String> words = Words.of(search.query());
        if (words.isEmpty()) {
            return List.of();
        }
        return owned(owner).stream()
                .filter(entry -> search.types().isEmpty() || search.types().contains(entry.type()))
                .filter(tagged(search.anyOfTags()))
                .map(entry -> Map.entry(entry, score(entry, words)))
                .filter(scored -> scored.getValue() > 0)
                .sorted(Comparator.<Map.Entry<MemoryEntry, Double>>comparingDouble(Map.Entry::getValue).reversed()
                        .thenComparing(scored -> scored.getKey().updatedAt(), Comparator.reverseOrder())
                        .thenComparing(scored -> scored.getKey().id().value(), Comparator.reverseOrder()))
                .limit(max)
                .map(scored -> new Ranked(scored.getKey().id(), scored.getValue()))
                .toList();
    }

    @Override
    public void recordAccess(UserId owner, MemoryId id, Instant at) {
        database.locked(() -> find(owner, id).ifPresent(entry -> entries.put(id, entry.accessedAt(at))));
    }

    /** Every entry of every owner, in the order they were added. */
    public List<MemoryEntry> all() {
        return entries.values();
    }

    private List<MemoryEntry> owned(UserId owner) {
        return entries.values().stream().filter(entry -> entry.owner().equals(owner)).toList();
    }

    static Predicate<MemoryEntry> tagged(Tags anyOf) {
        if (anyOf.isEmpty()) {
            return entry -> true;
        }
        Set<String> wanted = anyOf.values().stream().map(tag -> tag.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return entry -> entry.tags().values().stream().anyMatch(tag -> wanted.contains(tag.toLowerCase(Locale.ROOT)));
    }

    /** Weighted share of the query's words found: title 1, tags 0.5, content 0.25 (as Postgres' A, B, C weights). */
    private static double score(MemoryEntry entry, Set<String> words) {
        Set<String> title = Words.of(entry.title().value());
        Set<String> tags = Words.of(String.join(" ", entry.tags().values()));
        Set<String> content = Words.of(entry.content().value());
        double total = 0;
        for (String word : words) {
            total += (title.contains(word) ? 1 : 0) + (tags.contains(word) ? 0.5 : 0)
                    + (content.contains(word) ? 0.25 : 0);
        }
        return total / (1.75 * words.size());
    }

    /** English words as the full-text legs index them: lower case, no stop words, suffixes stemmed. */
    static final class Words {
        private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
                "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
                "there", "these", "they", "this", "to", "was", "will", "with");
        private static final List<String> SUFFIXES = List.of("ments", "ment", "ings", "ing", "edly", "ed", "es", "s");

        private Words() {
        }

        static Set<String> of(String text) {
            return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(word -> !word.isEmpty() && !STOP.contains(word))
                    .map(Words::stem)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private static String stem(String word) {
            for (String suffix : SUFFIXES) {
                if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                    return word.substring(0, word.length() - suffix.length());
                }
            }
            return word;
        }
    }
}
