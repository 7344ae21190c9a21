package com.lanonasis.gateway.application.oauth.port.in;


/** Revocation (RFC 7009) and introspection (RFC 7662), both for authenticated clients. */
public interface TokenInspectionUseCase {

    /** Revokes the token if it belongs to the client; unknown tokens are not an error. */
    OAuthResult<Boolean> revoke(ClientAuthentication client, String token, String tokenTypeHint);

    OAuthResult<Introspection> introspect(ClientAuthentication client, String token);
}
