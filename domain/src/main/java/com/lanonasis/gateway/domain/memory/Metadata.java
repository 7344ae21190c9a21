package com.lanonasis.gateway.domain.memory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Free-form JSON object attached to an entry (strings, numbers, booleans, lists, nested objects). */
public record Metadata(Map<String, Object> values) {

    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
