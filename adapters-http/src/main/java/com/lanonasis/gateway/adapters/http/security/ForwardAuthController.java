package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ForwardAuth for a reverse proxy in front of other apps (nginx {@code auth_request}, Traefik
 * {@code forwardAuth}): 200 and who the caller is in {@code X-User-*} headers, which the proxy
 * passes on; otherwise 401 or 403 with an RFC 6750 challenge. Those headers are outputs only: the
 * request's own copies are never read. In browser mode a missing or invalid credential is sent
 * to the sign-in page, which then returns to the page the browser asked for.
 */
@Controller("/verify")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ForwardAuthController {

    static final String USER_ID = "X-User-Id";
    static final String USER_EMAIL = "X-User-Email";
    static final String USER_ROLE = "X-User-Role";
    static final String SCOPES = "X-Scopes";
    static final String CLIENT_ID = "X-Client-Id";
    static final String SESSION_ID = "X-Session-Id";
    /** The sign-in page of {@code WebLoginController} and its parameter. */
    private static final String LOGIN_PAGE = "/web/login";
    private static final String RETURN_TO = "return_to";
    private static final int MAX_URL_LENGTH = 4096;
    /** Header values are ASCII: an address outside it is left out rather than sent mangled. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7e]+");

    private final Callers callers;
    private final ForwardAuthRules rules;
    private final String loginPage;

    ForwardAuthController(Callers callers, ForwardAuthRules rules, PublicUrl publicUrl) {
        this.callers = callers;
        this.rules = rules;
        this.loginPage = publicUrl.resolve(LOGIN_PAGE);
    }

    /** Any Accept is fine: the proxy forwards the browser's, and the answer that matters is the status. */
    @Get(produces = {MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<Void> verify(HttpRequest<?> request) {
        List<AccessRequirement> requirements = requirements(request.getParameters());
        Principal caller;
        try {
            caller = callers.requireAnyCredential(request);
        } catch (ApiException unauthenticated) {
            if (wantsBrowser(request)) {
                return toSignIn(request);
            }
            throw unauthenticated;
        }
        requirements.forEach(requirement -> requirement.enforce(caller));
        MutableHttpResponse<Void> ok = HttpResponse.<Void>ok()
                .header(USER_ID, caller.userId().toString())
                .header(USER_ROLE, caller.role().wireName())
                .header(SCOPES, caller.scopes().spaceDelimited())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (HEADER_SAFE.matcher(caller.email()).matches()) {
            ok.header(USER_EMAIL, caller.email());
        }
        if (caller.clientId() != null) {
            ok.header(CLIENT_ID, caller.clientId());
        }
        if (caller.via() == CredentialKind.WEB_SESSION) {
            ok.header(SESSION_ID, caller.credentialId());
        }
        return ok;
    }

    /** Traefik and others may forward the original method; the body, if any, is not read. */
    @Post(consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<Void> verifyPost(HttpRequest<?> request) {
        return verify(request);
    }

    /** A configured rule ({@code rule=}) and the query's own requirements; a caller must meet all. */
    private List<AccessRequirement> requirements(HttpParameters query) {
        List<AccessRequirement> requirements = new ArrayList<>();
        String rule = query.get("rule");
        if (rule != null) {
            requirements.add(rules.named(rule).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "unknown_rule", "the rule named by ?rule= is not configured under onasis.forward-auth.rules")));
        }
        if (query.getAll("aud").size() > 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_requirement", "give at most one aud");
        }
        try {
            requirements.add(AccessRequirement.of(query.getAll("scope"), query.getAll("user"), query.getAll("email"),
                    query.get("aud")));
        } catch (InvalidValue e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_requirement",
                    "the /verify query has an invalid " + e.field() + ": " + e.getMessage());
        }
        return requirements;
    }

    private static boolean wantsBrowser(HttpRequest<?> request) {
        return "browser".equals(request.getParameters().get("mode"))
                || request.getHeaders().accept().stream().anyMatch(type -> type.getName().equals(MediaType.TEXT_HTML));
    }

    private MutableHttpResponse<Void> toSignIn(HttpRequest<?> request) {
        String location = originalUrl(request.getHeaders())
                .map(url -> loginPage + "?" + RETURN_TO + "=" + URLEncoder.encode(url, StandardCharsets.UTF_8))
                .orElse(loginPage);
        return HttpResponse.<Void>status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * The address the browser asked the proxy for: {@code X-Original-URL} (our nginx config sets
     * it), else {@code X-Forwarded-Proto}, {@code -Host} and {@code -Uri} (Traefik's). Not trusted:
     * the sign-in page only returns to allowed origins.
     */
    static Optional<String> originalUrl(HttpHeaders headers) {
        String original = present(headers.get("X-Original-URL"));
        if (original == null) {
            String host = first(headers.get("X-Forwarded-Host"));
            String uri = present(headers.get("X-Forwarded-Uri"));
            String proto = first(headers.get("X-Forwarded-Proto"));
            if (host != null) {
                original = (proto == null ? "https" : proto) + "://" + host + (uri == null ? "/" : uri);
            } else if (uri != null && uri.startsWith("/")) {
                original = uri;
            }
        }
        return Optional.ofNullable(original).filter(url -> url.length() <= MAX_URL_LENGTH);
    }

    /** The first of a comma-separated list (a proxy chain appends), or null when there is none. */
    private static String first(String value) {
        return value == null ? null : present(value.split(",", 2)[0]);
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
