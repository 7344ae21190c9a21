package com.lanonasis.gateway.adapters.mcp.protocol;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON in and out as plain maps, lists, strings, numbers and booleans. */
@Singleton
public final class McpJson {

    private final JsonMapper mapper;

    McpJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The parsed value; {@link McpException} with PARSE_ERROR when the bytes are not JSON. */
    public Object read(byte[] json) {
        try {
            Object value = mapper.readValue(json, Argument.OBJECT_ARGUMENT);
            if (value == null) {
                throw new McpException(JsonRpc.PARSE_ERROR, "Parse error: empty body");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof McpException known) {
                throw known;
            }
            throw new McpException(JsonRpc.PARSE_ERROR, "Parse error: the body is not valid JSON");
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
