package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;

/** A search as received; {@code mode} null means hybrid. */
public record SearchRequest(String query, List<String> types, List<String> tags, Integer limit, Double threshold,
                            String mode) {

    public SearchRequest(String query, List<String> types, List<String> tags, Integer limit, Double threshold) {
        this(query, types, tags, limit, threshold, null);
    }
}
