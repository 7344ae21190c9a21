package com.lanonasis.gateway.adapters.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the persistence adapters (stored metadata and audit details, Redis
 * values, fetched client metadata documents, embedding-provider answers). Plain defaults, shared:
 * an {@link ObjectMapper} is thread-safe once configured, and building one per adapter cost
 * start-up time and memory for nothing. The HTTP and MCP adapters use Micronaut serialization instead.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
