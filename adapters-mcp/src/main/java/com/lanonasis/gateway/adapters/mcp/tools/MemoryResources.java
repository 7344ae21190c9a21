package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.server.ResourceSet;
import com.lanonasis.gateway.application.memory.port.in.GetMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListRequest;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each memory as the resource {@code memory://{id}}; resources/list shows the 100 most recent. */
@Singleton
final class MemoryResources implements ResourceSet {

    static final String SCHEME = "memory://";
    private static final String MIME = "application/json";

    private final ListMemoriesUseCase list;
    private final GetMemoryUseCase get;
    private final McpJson json;

    MemoryResources(ListMemoriesUseCase list, GetMemoryUseCase get, McpJson json) {
        this.list = list;
        this.get = get;
        this.json = json;
    }

    @Override
    public List<Map<String, Object>> list(Principal caller) {
        requireRead(caller);
        return list.list(caller, new ListRequest(100, 0, null, null, null, "updated_at", "desc"))
                .fold(page -> page.entries().stream().map(MemoryResources::describe).toList(), refused -> List.of());
    }

    @Override
    public List<Map<String, Object>> templates() {
        return List.of(Map.of("uriTemplate", SCHEME + "{id}", "name", "memory", "title", "A memory by id",
                "description", "One memory entry as JSON", "mimeType", MIME));
    }

    @Override
    public Optional<List<Map<String, Object>>> read(String uri, Principal caller) {
        if (!uri.startsWith(SCHEME)) {
            return Optional.empty();
        }
        requireRead(caller);
        MemoryEntry entry = get.get(caller, uri.substring(SCHEME.length())).fold(found -> found, refused -> {
            throw new McpException(JsonRpc.RESOURCE_NOT_FOUND, "Resource not found", Map.of("uri", uri));
        });
        return Optional.of(List.of(Map.of("uri", uri, "mimeType", MIME, "text", json.write(Views.entry(entry)))));
    }

    private static Map<String, Object> describe(MemoryEntry entry) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("uri", SCHEME + entry.id());
        resource.put("name", entry.id().toString());
        resource.put("title", entry.title().value());
        resource.put("description", entry.type().wireName() + (entry.tags().values().isEmpty() ? ""
                : " · " + String.join(", ", entry.tags().values())));
        resource.put("mimeType", MIME);
        resource.put("size", entry.content().value().length());
        return resource;
    }

    private static void requireRead(Principal caller) {
        if (!caller.allows(Scope.MEMORIES_READ)) {
            throw new InsufficientScope(Scope.MEMORIES_READ);
        }
    }
}
