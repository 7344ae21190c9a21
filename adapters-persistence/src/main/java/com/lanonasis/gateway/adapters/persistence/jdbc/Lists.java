package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.util.Arrays;
import java.util.List;

/** Space-delimited lists in one column: scopes, URIs and grant names never contain spaces. */
final class Lists {

    private Lists() {
    }

    static String join(List<String> values) {
        return String.join(" ", values);
    }

    static List<String> split(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.trim().split(" +"));
    }
}
