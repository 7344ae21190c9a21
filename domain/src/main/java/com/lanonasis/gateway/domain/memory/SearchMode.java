package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Locale;

/** How a search ranks: by meaning, by words, or both fused by reciprocal rank. */
public enum SearchMode {
    HYBRID, SEMANTIC, TEXT;

    public static final SearchMode DEFAULT = HYBRID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchMode parse(String field, String text) {
        for (SearchMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        throw new InvalidValue(field, "mode must be one of hybrid, semantic, text");
    }
}
