package com.lanonasis.gateway.adapters.mcp.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema (2020-12) for tool inputs: a small builder, and a checker for the subset the
 * builder writes. The schema a tool publishes is the one its arguments are checked against.
 */
public final class Schema {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    public static Schema object() {
        return new Schema();
    }

    public Schema string(String name, String description, int minLength, int maxLength) {
        return property(name, Map.of("type", "string", "description", description,
                "minLength", minLength, "maxLength", maxLength));
    }

    public Schema oneOf(String name, String description, List<String> values) {
        return property(name, Map.of("type", "string", "description", description, "enum", values));
    }

    public Schema integer(String name, String description, int minimum, int maximum) {
        return property(name, Map.of("type", "integer", "description", description,
                "minimum", minimum, "maximum", maximum));
    }

    public Schema number(String name, String description, double minimum, double maximum) {
        return property(name, Map.of("type", "number", "description", description,
                "minimum", minimum, "maximum", maximum));
    }

    public Schema strings(String name, String description, int maxItems, int maxLength) {
        return property(name, Map.of("type", "array", "description", description, "maxItems", maxItems,
                "items", Map.of("type", "string", "minLength", 1, "maxLength", maxLength)));
    }

    public Schema freeObject(String name, String description) {
        return property(name, Map.of("type", "object", "description", description));
    }

    public Schema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    public Schema require(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    /** The schema as published: closed to unknown arguments. */
    public Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Every way {@code arguments} breaks {@code schema}, as messages a model can act on; empty when it fits. */
    @SuppressWarnings("unchecked")
    public static List<String> problems(Map<String, Object> schema, Map<String, Object> arguments) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (arguments.get(name) == null) {
                problems.add(name + " is required");
            }
        }
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            Object property = properties.get(argument.getKey());
            if (property == null) {
                if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    problems.add("unknown argument " + argument.getKey() + "; known: " + properties.keySet());
                }
            } else if (argument.getValue() != null) {
                check(argument.getKey(), (Map<String, Object>) property, argument.getValue(), problems);
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, Map<String, Object> schema, Object value, List<String> problems) {
        switch (String.valueOf(schema.get("type"))) {
            case "string" -> {
                if (!(value instanceof String text)) {
                    problems.add(name + " must be a string");
                    return;
                }
                int length = text.codePointCount(0, text.length());
                if (schema.get("minLength") instanceof Integer min && length < min) {
                    problems.add(name + " must have at least " + min + " character" + (min == 1 ? "" : "s"));
                }
                if (schema.get("maxLength") instanceof Integer max && length > max) {
                    problems.add(name + " must have at most " + max + " characters");
                }
                if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(text)) {
                    problems.add(name + " must be one of " + allowed);
                }
            }
            case "integer" -> {
                if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                    problems.add(name + " must be a whole number");
                    return;
                }
                range(name, schema, number.doubleValue(), problems);
            }
            case "number" -> {
                if (!(value instanceof Number number)) {
                    problems.add(name + " must be a number");
                    return;
                }
                range(name, schema, number.doubleValue(), problems);
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(name + " must be true or false");
                }
            }
            case "object" -> {
                if (!(value instanceof Map)) {
                    problems.add(name + " must be a JSON object");
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    problems.add(name + " must be an array");
                    return;
                }
                if (schema.get("minItems") instanceof Integer min && items.size() < min) {
                    problems.add(name + " must have at least " + min + " item" + (min == 1 ? "" : "s"));
                }
                if (schema.get("maxItems") instanceof Integer max && items.size() > max) {
                    problems.add(name + " must have at most " + max + " items");
                }
                Map<String, Object> itemSchema = (Map<String, Object>) schema.get("items");
                for (int i = 0; itemSchema != null && i < items.size(); i++) {
                    check(name + "[" + i + "]", itemSchema, items.get(i), problems);
                }
            }
            default -> {
            }
        }
    }

    private static void range(String name, Map<String, Object> schema, double value, List<String> problems) {
        if (schema.get("minimum") instanceof Number min && value < min.doubleValue()) {
            problems.add(name + " must be at least " + min);
        }
        if (schema.get("maximum") instanceof Number max && value > max.doubleValue()) {
            problems.add(name + " must be at most " + max);
        }
    }
}
