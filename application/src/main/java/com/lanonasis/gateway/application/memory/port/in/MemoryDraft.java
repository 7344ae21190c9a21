package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;
import java.util.Map;

/** A new entry as received; {@code type} null means the default type. */
public record MemoryDraft(String title, String content, String type, List<String> tags,
                          Map<String, Object> metadata) {
}
