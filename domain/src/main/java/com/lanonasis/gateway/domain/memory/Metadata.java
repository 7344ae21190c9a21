package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.PlainText;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Free-form JSON object attached to an entry (strings, numbers, booleans, lists, nested objects). */
public record Metadata(Map<String, Object> values) {

    public static final Metadata EMPTY = new Metadata(Map.of());
    /** Serialized as compact JSON, in UTF-8 bytes. */
    public static final int MAX_BYTES = 16 * 1024;
    /** Objects and lists nested in each other, the top object being depth 1. */
    public static final int MAX_DEPTH = 8;
    /** Keys of all objects, nested ones included. */
    public static final int MAX_KEYS = 100;
    public static final int MAX_KEY_LENGTH = 128;

    public Metadata {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Metadata a caller may store: within {@link #MAX_BYTES}, {@link #MAX_DEPTH} and {@link #MAX_KEYS};
     * keys 1..{@link #MAX_KEY_LENGTH} characters of plain text; string values plain text (line breaks
     * allowed). Stored metadata is read with the constructor, as it is.
     */
    public static Metadata accepted(Map<String, Object> values) {
        Metadata metadata = new Metadata(values);
        Budget budget = new Budget();
        budget.object(metadata.values, 1);
        if (budget.bytes > MAX_BYTES) {
            throw new InvalidValue("metadata", "metadata must be at most " + MAX_BYTES + " bytes as JSON");
        }
        return metadata;
    }

    /** Walks the value once, counting what the limits count; stops at the first one broken. */
    private static final class Budget {

        private long bytes;
        private int keys;

        void object(Map<?, ?> object, int depth) {
            depth(depth);
            bytes += 2 + Math.max(0, object.size() - 1);
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (++keys > MAX_KEYS) {
                    throw new InvalidValue("metadata", "metadata may have at most " + MAX_KEYS + " keys");
                }
                if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                    throw new InvalidValue("metadata", "metadata keys must be 1 to " + MAX_KEY_LENGTH + " characters");
                }
                PlainText.require("metadata", key, false);
                string(key);
                bytes += 1;
                value(entry.getValue(), depth);
            }
        }

        void value(Object value, int depth) {
            if (value instanceof Map<?, ?> nested) {
                object(nested, depth + 1);
            } else if (value instanceof Collection<?> list) {
                depth(depth + 1);
                bytes += 2 + Math.max(0, list.size() - 1);
                for (Object item : list) {
                    value(item, depth + 1);
                }
            } else if (value instanceof CharSequence text) {
                PlainText.require("metadata", text.toString(), true);
                string(text.toString());
            } else {
                bytes += String.valueOf(value).length();
            }
            if (bytes > MAX_BYTES) {
                throw new InvalidValue("metadata", "metadata must be at most " + MAX_BYTES + " bytes as JSON");
            }
        }

        private void depth(int depth) {
            if (depth > MAX_DEPTH) {
                throw new InvalidValue("metadata", "metadata may nest at most " + MAX_DEPTH + " levels");
            }
        }

        private void string(String text) {
            bytes += 2 + text.getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    bytes += 1;
                }
            }
        }
    }
}
