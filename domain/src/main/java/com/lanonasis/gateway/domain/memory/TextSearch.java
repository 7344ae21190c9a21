package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A plain text search over one user's entries: case-insensitive terms matched against title,
 * content and tags.
 *
 * @param types     restrict to these types; empty means all
 * @param anyOfTags restrict to entries with one of these tags; empty means all
 * @param threshold the lowest relevance score (0..1) returned
 */
public record TextSearch(String query, Set<MemoryType> types, Tags anyOfTags, int limit, double threshold) {

    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_TERMS = 64;

    public TextSearch {
        if (query == null || query.isBlank()) {
            throw new InvalidValue("query", "query is required");
        }
        query = query.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidValue("query", "query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        Objects.requireNonNull(anyOfTags, "anyOfTags");
        if (limit < 1 || limit > MemoryQuery.MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MemoryQuery.MAX_LIMIT);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidValue("threshold", "threshold must be between 0 and 1");
        }
    }

    /** Lower-cased, distinct words of the query, at most {@link #MAX_TERMS}. */
    public List<String> terms() {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}&&[^_\\-]]+"))
                .filter(term -> !term.isEmpty())
                .distinct()
                .limit(MAX_TERMS)
                .toList();
    }
}
