package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Up to ten labels, each 1..50 characters without control characters, trimmed; repeats
 * (ignoring case) collapse to the first.
 */
public record Tags(List<String> values) {

    public static final int MAX_COUNT = 10;
    public static final int MAX_LENGTH = 50;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        if (values == null) {
            values = List.of();
        }
        List<String> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String tag : values) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidValue("tags", "tags must not be empty");
            }
            String trimmed = tag.strip();
            if (trimmed.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidValue("tags", "tags must not contain control characters");
            }
            if (trimmed.length() > MAX_LENGTH) {
                throw new InvalidValue("tags", "each tag must be at most " + MAX_LENGTH + " characters");
            }
            String key = trimmed.toLowerCase(Locale.ROOT);
            if (!seen.contains(key)) {
                seen.add(key);
                kept.add(trimmed);
            }
        }
        if (kept.size() > MAX_COUNT) {
            throw new InvalidValue("tags", "at most " + MAX_COUNT + " tags");
        }
        values = List.copyOf(kept);
    }

    public static Tags of(Collection<String> values) {
        return new Tags(values == null ? List.of() : new ArrayList<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
