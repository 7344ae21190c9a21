package com.lanonasis.gateway.adapters.mcp.server;

import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resources the server offers to read; every bean of this type is consulted. */
public interface ResourceSet {

    /** resources/list entries this caller may read. */
    List<Map<String, Object>> list(Principal caller);

    /** resources/templates/list entries. */
    List<Map<String, Object>> templates();

    /**
     * The contents of {@code uri}, or empty when this set does not serve that URI. A URI this set
     * serves but cannot find throws {@code McpException} with {@code RESOURCE_NOT_FOUND}.
     */
    Optional<List<Map<String, Object>>> read(String uri, Principal caller);
}
