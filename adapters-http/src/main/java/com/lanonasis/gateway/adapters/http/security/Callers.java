package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.adapters.http.edge.AccessLogFilter;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that reads credentials from a request. Controllers ask it for the caller and
 * get a verified {@link Principal}, or the request ends with 401.
 */
@Singleton
public final class Callers {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String SESSION_COOKIE = "onasis_session";
    private static final String BEARER = "Bearer ";
    private static final Map<String, String> CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"onasis-gateway\"");

    private final AuthenticateUseCase authenticate;
    /** The resources (RFC 8707) whose OAuth tokens the REST surface accepts: the service itself and its API. */
    private final Set<String> restAudiences;

    Callers(AuthenticateUseCase authenticate, @Value("${onasis.issuer}") String issuer) {
        this.authenticate = authenticate;
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.restAudiences = Set.of(base, base + "/", base + "/api/v1");
    }

    /** The verified caller of this request, allowed on the REST surface. */
    public Principal require(HttpRequest<?> request) {
        Credential credential = presented(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "authentication_required", "send Authorization: Bearer <token> or X-API-Key: pk_<id>.sk_<secret>",
                null, CHALLENGE));
        Principal caller = verify(credential);
        if (caller.via() == CredentialKind.OAUTH_TOKEN
                && caller.audience().stream().noneMatch(restAudiences::contains)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token",
                    "this token was issued for another resource", null, Map.of(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"onasis-gateway\", error=\"invalid_token\""));
        }
        request.setAttribute(AccessLogFilter.CALLER, caller);
        return caller;
    }

    /**
     * The verified caller of a ForwardAuth check: an API key or a bearer token as {@link #require}
     * reads them, failing those the browser session cookie. No audience is checked here: the route
     * behind the proxy may be another resource, so {@code /verify} checks the one it is asked for.
     */
    Principal requireAnyCredential(HttpRequest<?> request) {
        Credential credential = presented(request).or(() -> sessionCookie(request)).orElseThrow(() -> new ApiException(
                HttpStatus.UNAUTHORIZED, "authentication_required", "send Authorization: Bearer <token>, "
                + "X-API-Key: pk_<id>.sk_<secret> or the " + SESSION_COOKIE + " cookie", null, CHALLENGE));
        return verify(credential);
    }

    Principal verify(Credential credential) {
        Authentication result = authenticate.authenticate(credential);
        if (result instanceof Authentication.Authenticated authenticated) {
            return authenticated.principal();
        }
        throw rejected(credential, ((Authentication.Unauthenticated) result).problem());
    }

    /** The signed-in browser user of a page request, if the session cookie is valid. */
    public Optional<Principal> browserUser(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE)
                .map(cookie -> cookie.getValue())
                .filter(value -> !value.isBlank())
                .map(value -> authenticate.authenticate(new Credential.SessionCookie(value)))
                .filter(Authentication.Authenticated.class::isInstance)
                .map(result -> ((Authentication.Authenticated) result).principal());
    }

    /** The raw session cookie value, to end or replace that session. */
    public static Optional<String> sessionId(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).map(cookie -> cookie.getValue());
    }

    /** A bearer token that is not a user credential, e.g. an RFC 7592 registration access token. */
    public static Optional<String> bearerToken(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(token -> !token.isEmpty());
    }

    /**
     * A stable, irreversible name for the credential a request presents (the first 32 hex digits
     * of its SHA-256), to count calls per credential without keeping or logging the credential.
     */
    public static Optional<String> fingerprint(HttpRequest<?> request) {
        return presented(request).map(credential -> {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(credential.reveal().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        });
    }

    /** An API key wins over a bearer token; an API key sent as a bearer token is read as one. */
    static Optional<Credential> presented(HttpRequest<?> request) {
        String apiKey = request.getHeaders().get(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(new Credential.ApiKey(apiKey.strip()));
        }
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(token -> !token.isEmpty())
                .map(token -> token.startsWith("pk_") ? new Credential.ApiKey(token) : new Credential.BearerToken(token));
    }

    private static Optional<Credential> sessionCookie(HttpRequest<?> request) {
        return sessionId(request).filter(value -> !value.isBlank()).map(Credential.SessionCookie::new);
    }

    private static ApiException rejected(Credential credential, Authentication.CredentialProblem problem) {
        if (credential instanceof Credential.SessionCookie) {
            return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_session",
                    "the session has ended or expired; sign in again", null, CHALLENGE);
        }
        boolean apiKey = credential instanceof Credential.ApiKey;
        String error;
        String message;
        switch (problem) {
            case API_KEY_SECRET_MISSING -> {
                error = "api_key_secret_missing";
                message = "the API key is incomplete: send the whole key, pk_<id>.sk_<secret>, not only its pk_ part";
            }
            case EXPIRED -> {
                error = apiKey ? "api_key_expired" : "token_expired";
                message = apiKey ? "the API key has expired" : "the token has expired; log in again";
            }
            case MALFORMED -> {
                error = apiKey ? "invalid_api_key" : "invalid_token";
                message = apiKey ? "the API key is not in the format pk_<id>.sk_<secret>" : "the token is malformed";
            }
            default -> {
                error = apiKey ? "invalid_api_key" : "invalid_token";
                message = apiKey ? "the API key is unknown or revoked" : "the token is invalid";
            }
        }
        String challenge = apiKey ? "Bearer realm=\"onasis-gateway\""
                : "Bearer realm=\"onasis-gateway\", error=\"invalid_token\"";
        return new ApiException(HttpStatus.UNAUTHORIZED, error, message, null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
