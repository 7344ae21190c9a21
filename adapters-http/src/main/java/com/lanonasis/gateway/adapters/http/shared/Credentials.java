package com.lanonasis.gateway.adapters.http.shared;

import com.lanonasis.gateway.application.auth.port.in.Credential;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Reads the credential a request presents, the same way for REST, MCP and the upstream proxy:
 * {@code X-API-Key: pk_<id>.sk_<secret>} wins over {@code Authorization: Bearer <token>}, and an API
 * key sent as a bearer token is read as an API key. Verifying it is the application's business.
 */
public final class Credentials {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String API_KEY_PREFIX = "pk_";

    private Credentials() {
    }

    /** The credential of this request's headers, if it presents one. */
    public static Optional<Credential> presented(HttpRequest<?> request) {
        return of(request.getHeaders().get(API_KEY_HEADER), request.getHeaders().getAuthorization().orElse(null));
    }

    /**
     * The credential of an {@code X-API-Key} value and an {@code Authorization} value (either may be
     * null or blank).
     */
    public static Optional<Credential> of(String apiKeyHeader, String authorizationHeader) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(new Credential.ApiKey(apiKeyHeader.strip()));
        }
        return bearer(authorizationHeader).map(Credentials::ofToken);
    }

    /** A bare token (a body field, a query parameter): an API key when it starts with {@code pk_}, else a bearer token. */
    public static Credential ofToken(String token) {
        String value = token.strip();
        return value.startsWith(API_KEY_PREFIX) ? new Credential.ApiKey(value) : new Credential.BearerToken(value);
    }

    /** The token of {@code Authorization: Bearer <token>} (scheme case-insensitive), if there is a non-blank one. */
    public static Optional<String> bearerToken(HttpRequest<?> request) {
        return bearer(request.getHeaders().getAuthorization().orElse(null));
    }

    static Optional<String> bearer(String authorizationHeader) {
        if (authorizationHeader == null
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
