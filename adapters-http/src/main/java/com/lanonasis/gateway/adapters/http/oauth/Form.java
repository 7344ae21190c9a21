package com.lanonasis.gateway.adapters.http.oauth;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an OAuth request: form-urlencoded (the RFC) or a JSON object (what the
 * platform's own clients send). Repeated parameters (RFC 8707 {@code resource}) keep every value.
 */
public final class Form {

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(Map.of());
    }

    /** Empty when the body is neither valid form encoding nor a JSON object. */
    public static Optional<Form> parse(HttpRequest<?> request, String body, JsonMapper json) {
        String text = body == null ? "" : body;
        boolean isJson = request.getContentType().map(type -> type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json")).orElse(false);
        return isJson ? parseJson(text, json) : parseUrlEncoded(text);
    }

    static Optional<Form> parseUrlEncoded(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text.isBlank()) {
            return Optional.of(new Form(values));
        }
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        return Optional.of(new Form(values));
    }

    private static Optional<Form> parseJson(String text, JsonMapper json) {
        try {
            Object parsed = json.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Object value = entry.getValue();
                List<String> strings = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(item -> strings.add(String.valueOf(item)));
                } else if (value != null) {
                    strings.add(String.valueOf(value));
                }
                values.put(String.valueOf(entry.getKey()), strings);
            }
            return Optional.of(new Form(values));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The single value of a parameter; null when absent. Repeats of single-valued parameters are the caller's check. */
    public String get(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** RFC 6749 §3.1: request parameters must not be included more than once (except resource). */
    public Optional<String> repeatedParameter() {
        return values.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1 && !entry.getKey().equals("resource"))
                .map(Map.Entry::getKey)
                .findFirst();
    }

}
