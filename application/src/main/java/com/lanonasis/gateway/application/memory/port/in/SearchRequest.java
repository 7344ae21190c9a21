package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;

public record SearchRequest(String query, List<String> types, List<String> tags, Integer limit, Double threshold) {
}
