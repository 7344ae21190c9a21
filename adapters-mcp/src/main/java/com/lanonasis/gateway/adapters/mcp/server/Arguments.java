package com.lanonasis.gateway.adapters.mcp.server;

import java.util.List;
import java.util.Map;

/** A tool's arguments, already checked against its input schema, read by name. */
public record Arguments(Map<String, Object> values) {

    public Arguments {
        values = values == null ? Map.of() : values;
    }

    public String string(String name) {
        return values.get(name) instanceof String text ? text : null;
    }

    public Integer integer(String name) {
        return values.get(name) instanceof Number number ? number.intValue() : null;
    }

    public Double number(String name) {
        return values.get(name) instanceof Number number ? number.doubleValue() : null;
    }

    public Long longValue(String name) {
        return values.get(name) instanceof Number number ? number.longValue() : null;
    }

    public List<String> strings(String name) {
        return values.get(name) instanceof List<?> items
                ? items.stream().map(String::valueOf).toList() : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return values.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
