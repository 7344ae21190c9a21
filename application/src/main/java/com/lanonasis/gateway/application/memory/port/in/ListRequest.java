package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;

/** A list query as received; null means the default. {@code page} is 1-based and used when offset is absent. */
public record ListRequest(Integer limit, Integer offset, Integer page, String type, List<String> tags,
                          String sort, String order) {
}
