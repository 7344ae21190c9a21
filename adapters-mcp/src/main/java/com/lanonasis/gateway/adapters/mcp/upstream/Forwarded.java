package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers an upstream receives. From the client only the MCP message headers are kept; its
 * credential ({@code Authorization}, {@code X-API-Key}, cookies) never is (MCP authorization: no
 * token passthrough). The gateway adds who the verified caller is, and the upstream's own
 * credential when one is configured.
 */
final class Forwarded {

    /** Client request headers passed on as they are (lower case). */
    static final List<String> FROM_CLIENT = List.of("content-type", "accept", "mcp-session-id",
            "mcp-protocol-version", "last-event-id", "mcp-method", "mcp-name");
    /** Upstream response headers passed back (lower case); anything else, WWW-Authenticate included, is dropped. */
    static final List<String> FROM_UPSTREAM = List.of("content-type", "mcp-session-id", "mcp-protocol-version",
            "cache-control", "retry-after");

    static final String USER_ID = "X-Onasis-User-Id";
    static final String EMAIL = "X-Onasis-Email";
    static final String SCOPES = "X-Onasis-Scopes";
    static final String CLIENT_ID = "X-Onasis-Client-Id";

    private Forwarded() {
    }

    /** Identity and upstream credential headers for a call by {@code caller} to {@code upstream}. */
    static Map<String, String> added(Upstream upstream, Principal caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_ID, caller.userId().toString());
        putIfSafe(headers, EMAIL, caller.email());
        headers.put(SCOPES, caller.scopes().spaceDelimited());
        if (caller.clientId() != null) {
            putIfSafe(headers, CLIENT_ID, caller.clientId());
        }
        upstream.upstreamCredential().ifPresent(credential -> headers.put(credential.header(), credential.reveal()));
        return headers;
    }

    static boolean fromClient(String name) {
        return FROM_CLIENT.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Header values are visible ASCII and spaces; anything else (an internationalised address) is left out. */
    private static void putIfSafe(Map<String, String> headers, String name, String value) {
        if (value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            headers.put(name, value);
        }
    }
}
