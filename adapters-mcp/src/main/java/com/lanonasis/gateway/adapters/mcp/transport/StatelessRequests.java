package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.ProtocolVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The request rules of revision 2026-07-28 on Streamable HTTP: the MCP-Protocol-Version header
 * equals {@code _meta}'s protocol version, {@code _meta} declares the client's capabilities, and
 * Mcp-Method / Mcp-Name mirror the body's method and name (or uri), Base64 sentinel decoded,
 * surrounding whitespace ignored, values compared case-sensitively.
 */
final class StatelessRequests {

    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";
    private static final String B64_PREFIX = "=?base64?";
    private static final String B64_SUFFIX = "?=";

    private StatelessRequests() {
    }

    /** The protocol version a request names in its {@code _meta}, or null. */
    static Object metaVersion(Map<String, Object> rpc) {
        return meta(rpc).get(ProtocolVersions.META_VERSION);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> clientCapabilities(Map<String, Object> rpc) {
        return meta(rpc).get(ProtocolVersions.META_CAPABILITIES) instanceof Map<?, ?> capabilities
                ? (Map<String, Object>) capabilities : Map.of();
    }

    /** Why this 2026-07-28 request must be refused with HTTP 400, or null when it may run. */
    static McpException refusal(Function<String, String> headers, String version, Map<String, Object> rpc) {
        Map<String, Object> meta = meta(rpc);
        Object metaVersion = meta.get(ProtocolVersions.META_VERSION);
        if (version == null) {
            return mismatch("the MCP-Protocol-Version header is required (the body's _meta names " + metaVersion + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of(ProtocolVersions.META_VERSION, ProtocolVersions.META_CAPABILITIES)) {
            if (!meta.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            return McpException.invalidParams("Invalid params: params._meta lacks " + String.join(", ", missing));
        }
        if (!version.equals(metaVersion)) {
            return mismatch("MCP-Protocol-Version header " + version + " does not match _meta " + metaVersion);
        }
        if (!(meta.get(ProtocolVersions.META_CAPABILITIES) instanceof Map<?, ?>)) {
            return McpException.invalidParams("Invalid params: _meta " + ProtocolVersions.META_CAPABILITIES
                    + " must be an object");
        }
        String method = String.valueOf(rpc.get("method"));
        String methodHeader = headers.apply(METHOD_HEADER);
        if (methodHeader == null) {
            return mismatch("the " + METHOD_HEADER + " header is required");
        }
        if (!methodHeader.strip().equals(method)) {
            return mismatch(METHOD_HEADER + " header value '" + methodHeader.strip() + "' does not match body method '"
                    + method + "'");
        }
        String nameField = switch (method) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameField == null) {
            return null;
        }
        Object bodyName = rpc.get("params") instanceof Map<?, ?> params ? params.get(nameField) : null;
        String nameHeader = headers.apply(NAME_HEADER);
        if (bodyName == null) {
            return null; // the request is invalid anyway; the method answers that with -32602
        }
        if (nameHeader == null) {
            return mismatch("the " + NAME_HEADER + " header is required for " + method);
        }
        String decoded = decode(nameHeader.strip());
        if (decoded == null) {
            return mismatch(NAME_HEADER + " header is not valid sentinel Base64");
        }
        if (!decoded.equals(String.valueOf(bodyName))) {
            return mismatch(NAME_HEADER + " header value '" + decoded + "' does not match body " + nameField + " '"
                    + bodyName + "'");
        }
        return null;
    }

    /** A header value, decoded when it uses the {@code =?base64?…?=} sentinel; null when that is not Base64. */
    static String decode(String value) {
        if (value.length() < B64_PREFIX.length() + B64_SUFFIX.length()
                || !value.startsWith(B64_PREFIX) || !value.endsWith(B64_SUFFIX)) {
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(
                    value.substring(B64_PREFIX.length(), value.length() - B64_SUFFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static McpException mismatch(String why) {
        return new McpException(JsonRpc.HEADER_MISMATCH, "Header mismatch: " + why);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> rpc) {
        return rpc.get("params") instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta
                ? (Map<String, Object>) meta : Map.of();
    }
}
