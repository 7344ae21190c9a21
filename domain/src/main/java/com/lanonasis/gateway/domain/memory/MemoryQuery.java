package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a user's entries.
 *
 * @param anyOfTags entries carrying at least one of these tags; empty means no tag filter
 */
public record MemoryQuery(Optional<MemoryType> type, Tags anyOfTags, MemorySort sort, SortOrder order,
                          int limit, int offset) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public MemoryQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(anyOfTags, "anyOfTags");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidValue("offset", "offset must not be negative");
        }
    }
}
