package com.lanonasis.gateway.adapters.http.shared;

import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.shared.Principal;

/** The request attributes one part of the edge leaves for another; every one of them is declared here. */
public final class RequestAttributes {

    /** The verified caller, left by whoever verified it (REST, MCP, upstream proxy) for the access log. */
    public static final RequestAttribute<Principal> CALLER = new RequestAttribute<>("onasis.caller", Principal.class);
    /** The request id ({@link RequestIds}). */
    public static final RequestAttribute<String> REQUEST_ID = new RequestAttribute<>("onasis.request-id", String.class);
    /** The caller's address as computed once per request (adapters-http {@code edge.ClientAddress}). */
    public static final RequestAttribute<String> CLIENT_ADDRESS =
            new RequestAttribute<>("onasis.client-address", String.class);
    /** The credential a WebSocket upgrade was verified with, for the socket to check again later. */
    public static final RequestAttribute<Credential> UPGRADE_CREDENTIAL =
            new RequestAttribute<>("onasis.mcp.credential", Credential.class);

    private RequestAttributes() {
    }
}
