package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;
import java.util.Map;

/** A partial update as received: null fields are left as they are. */
public record MemoryEdit(String title, String content, String type, List<String> tags,
                         Map<String, Object> metadata) {
}
