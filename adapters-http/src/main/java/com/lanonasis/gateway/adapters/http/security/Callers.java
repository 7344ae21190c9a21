package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.adapters.http.shared.Credentials;
import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResources;
import com.lanonasis.gateway.application.auth.port.in.WatchCredentialUseCase;
import com.lanonasis.gateway.domain.shared.Principal;
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
import java.util.function.Consumer;

/**
 * The one place that reads credentials from a request. Controllers ask it for the caller and
 * get a verified {@link Principal}, or the request ends with 401.
 */
@Singleton
public final class Callers {

    public static final String API_KEY_HEADER = Credentials.API_KEY_HEADER;
    public static final String SESSION_COOKIE = "onasis_session";
    private static final Map<String, String> CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"onasis-gateway\"");

    private final AuthenticateUseCase authenticate;
    private final WatchCredentialUseCase live;
    /** The REST API as a protected resource: which credentials it accepts is decided in the application. */
    private final ProtectedResource api;

    Callers(AuthenticateUseCase authenticate, WatchCredentialUseCase live, ProtectedResources resources) {
        this.authenticate = authenticate;
        this.live = live;
        this.api = resources.api();
    }

    /** The verified caller of this request, allowed on the REST surface. */
    public Principal require(HttpRequest<?> request) {
        Principal caller = verify(presentedOrChallenge(request), api);
        RequestAttributes.CALLER.set(request, caller);
        return caller;
    }

    /**
     * The verified caller of an account call: a bearer token or an API key as {@link #require}
     * reads them, failing those the browser session cookie (the account page's own calls). Whoever
     * accepts the cookie on a state-changing call must check that the request comes from our own page.
     */
    public Principal requireWithSession(HttpRequest<?> request) {
        if (presented(request).isPresent()) {
            return require(request);
        }
        Credential cookie = sessionCookie(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "authentication_required", "send Authorization: Bearer <token>, X-API-Key: pk_<id>.sk_<secret> or the "
                + SESSION_COOKIE + " cookie", null, CHALLENGE));
        Principal caller = verify(cookie);
        RequestAttributes.CALLER.set(request, caller);
        return caller;
    }

    /**
     * Keeps checking the credential of a request already let through {@link #require} (an SSE
     * stream): {@code onLost} runs once, with a short reason, when it is revoked, expired or no
     * longer accepted. Run the returned handle when the stream ends.
     */
    public Runnable watch(HttpRequest<?> request, Consumer<String> onLost) {
        Credential credential = presentedOrChallenge(request);
        return live.watch(credential, api, problem -> onLost.accept(reason(problem)))::stop;
    }

    /** A token given in a body (POST /v1/auth/verify), judged as the REST surface judges a bearer token. */
    Principal requireToken(String token) {
        return verify(Credentials.ofToken(token), api);
    }

    /** Why a connection is closed, for the last words it sends. */
    static String reason(Authentication.CredentialProblem problem) {
        return switch (problem) {
            case EXPIRED -> "credential expired";
            case NOT_FOR_THIS_RESOURCE -> "credential no longer accepted here";
            default -> "credential revoked";
        };
    }

    private static Credential presentedOrChallenge(HttpRequest<?> request) {
        return presented(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "authentication_required", "send Authorization: Bearer <token> or X-API-Key: pk_<id>.sk_<secret>",
                null, CHALLENGE));
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
        return outcome(credential, authenticate.authenticate(credential));
    }

    private Principal verify(Credential credential, ProtectedResource resource) {
        return outcome(credential, authenticate.authenticate(credential, resource));
    }

    private static Principal outcome(Credential credential, Authentication result) {
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
        return Credentials.bearerToken(request);
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
        return Credentials.presented(request);
    }

    private static Optional<Credential> sessionCookie(HttpRequest<?> request) {
        return sessionId(request).filter(value -> !value.isBlank()).map(Credential.SessionCookie::new);
    }

    private static ApiException rejected(Credential credential, Authentication.CredentialProblem problem) {
        return credential.match(bearer -> rejected(false, problem), apiKey -> rejected(true, problem),
                cookie -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid_session",
                        "the session has ended or expired; sign in again", null, CHALLENGE));
    }

    private static ApiException rejected(boolean apiKey, Authentication.CredentialProblem problem) {
        String error;
        String message;
        switch (problem) {
            case NOT_FOR_THIS_RESOURCE -> {
                error = "invalid_token";
                message = "this token was issued for another resource";
            }
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
