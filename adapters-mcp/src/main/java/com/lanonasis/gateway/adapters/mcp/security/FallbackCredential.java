package com.lanonasis.gateway.adapters.mcp.security;

/**
 * The API key an MCP request without credentials is treated as having sent. Only the opt-in
 * conformance profile provides one (the official suite sends no credentials); a normal
 * deployment has no bean of this type, so such requests get 401.
 */
public interface FallbackCredential {

    /** A full {@code pk_<id>.sk_<secret>} key, verified like any other. */
    String apiKey();
}
