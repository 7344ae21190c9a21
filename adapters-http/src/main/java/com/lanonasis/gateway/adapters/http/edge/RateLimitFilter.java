package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase;
import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase.Throttle;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Limits from {@code onasis.edge.rate-limits.rules}, counted per client IP or per credential
 * through the shared limiter (Redis when configured), and a budget of failed credentials per
 * client IP ({@code onasis.edge.rate-limits.guessing}).
 *
 * <p>A rule names the route template Micronaut resolved for the request, not the path as spelled:
 * {@code /v1/auth/login/}, {@code //v1//auth/login} and {@code /v1/auth/%6Cogin} are all served by
 * {@code /v1/auth/login} and so count against its limit. Rules that share a {@code zone} share one
 * count (the aliases of a route). Every matching rule counts; the first refusal answers.
 *
 * <p>Limited responses carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset}; a refused one is 429 with {@code Retry-After}, as the service's JSON error
 * body, or as a short page when the caller's {@code Accept} prefers HTML (a browser).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {

    private static final String THROTTLE = "onasis.throttle";
    private static final String GRANT_TYPE = "grant_type";
    /**
     * Routes that check a client secret or a password from the body (a 401 there is a failed guess),
     * or tell whether an account exists (a 409 there is a successful probe, counted the same).
     */
    private static final Set<String> PROBE_ROUTES = Set.of("/v1/auth/register", "/api/v1/auth/register");
    private static final Set<String> SECRET_ROUTES = Set.of("/v1/auth/register", "/api/v1/auth/register","/oauth/token", "/token", "/oauth/introspect",
            "/introspect", "/oauth/revoke", "/revoke", "/legacy/introspect", "/legacy/exchange", "/v1/auth/login",
            "/api/v1/auth/login", "/auth/cli-login", "/api/v1/auth/cli-login", "/web/login");

    /** At most {@code limit} failed credentials per client address in {@code window}; then 429. */
    record Guessing(int limit, Duration window) {
    }

    private final ThrottleUseCase throttle;
    private final ClientAddress addresses;
    private final FilterBodyParser bodies;
    private final List<RateLimitRule> rules;
    private final Guessing guessing;
    private final boolean enabled;

    RateLimitFilter(ThrottleUseCase throttle, ClientAddress addresses, FilterBodyParser bodies,
                    @Value("${onasis.edge.rate-limits.enabled:true}") boolean enabled,
                    @Property(name = "onasis.edge.rate-limits.rules") @Nullable List<Map<String, Object>> rules,
                    @Value("${onasis.edge.rate-limits.guessing.limit:30}") int guessLimit,
                    @Value("${onasis.edge.rate-limits.guessing.window:10m}") Duration guessWindow) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.bodies = bodies;
        this.enabled = enabled;
        this.rules = rules == null ? List.of() : rules.stream().map(RateLimitRule::of).toList();
        this.guessing = new Guessing(guessLimit, guessWindow);
    }

    /**
     * The route that serves the request: Micronaut's template when a route matched, otherwise the
     * path with its spelling undone (percent-decoded, {@code ;parameters} and repeated or trailing
     * slashes removed).
     */
    static String route(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).map(RateLimitFilter::canonical)
                .orElseGet(() -> canonical(request.getPath()));
    }

    static String canonical(String path) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = path;
        }
        StringBuilder out = new StringBuilder(decoded.length());
        for (String segment : decoded.split("/")) {
            int parameters = segment.indexOf(';');
            String bare = parameters < 0 ? segment : segment.substring(0, parameters);
            if (!bare.isEmpty()) {
                out.append('/').append(bare);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    @RequestFilter
    Publisher<HttpResponse<?>> count(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        if (!enabled || "OPTIONS".equals(request.getMethodName())) {
            return next.proceed();
        }
        String from = addresses.of(request);
        if (presentsSecret(request)) {
            Throttle guessed = throttle.peek("guessing|ip:" + from, guessing.limit(), guessing.window());
            if (!guessed.allowed()) {
                return Mono.just(refuse(request, guessed));
            }
        }
        String route = route(request);
        String method = request.getMethodName();
        List<RateLimitRule> matching = rules.stream().filter(rule -> rule.matches(route, method)).toList();
        if (matching.isEmpty()) {
            return next.proceed();
        }
        if (matching.stream().noneMatch(RateLimitRule::needsGrant)) {
            HttpResponse<?> refused = apply(request, matching, null, from);
            return refused == null ? next.proceed() : Mono.just(refused);
        }
        // a body that does not parse (bad percent-encoding, not a form) names no grant: the
        // endpoint answers it with its own 400
        return Mono.fromFuture(bodies.parseBody(request))
                .map(form -> String.valueOf(form.getOrDefault(GRANT_TYPE, "")))
                .onErrorResume(unreadable -> Mono.just(""))
                .defaultIfEmpty("")
                .flatMap(grant -> {
                    HttpResponse<?> refused = apply(request, matching, grant.isEmpty() ? null : grant, from);
                    return refused == null ? Mono.from(next.proceed()) : Mono.just(refused);
                });
    }

    @Nullable
    private HttpResponse<?> apply(HttpRequest<?> request, List<RateLimitRule> matching, @Nullable String grant, String from) {
        List<Throttle> counts = new ArrayList<>();
        for (RateLimitRule limit : matching) {
            if (!limit.appliesTo(grant)) {
                continue;
            }
            String who = limit.perCredential() ? Callers.fingerprint(request).map(id -> "credential:" + id)
                    .orElseGet(() -> "ip:" + from) : "ip:" + from;
            Throttle counted = throttle.count(limit.zone() + "|" + who, limit.limit(), limit.window());
            if (!counted.allowed()) {
                return refuse(request, counted);
            }
            counts.add(counted);
        }
        counts.stream().min(Comparator.comparingLong(Throttle::remaining))
                .ifPresent(tightest -> request.setAttribute(THROTTLE, tightest));
        return null;
    }

    private static HttpResponse<?> refuse(HttpRequest<?> request, Throttle counted) {
        long retryAfter = Math.max(1, counted.resetIn().toSeconds());
        MutableHttpResponse<?> response = LimitPage.prefersHtml(request.getHeaders().get(HttpHeaders.ACCEPT))
                ? LimitPage.render(retryAfter)
                : HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(new ErrorBody("rate_limited",
                        "too many requests; retry in " + retryAfter + " s", null, RequestIds.of(request)));
        return headers(response, counted).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
    }

    @ResponseFilter
    void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(THROTTLE, Throttle.class).ifPresent(counted -> {
            if (!response.getHeaders().contains("RateLimit-Limit")) {
                headers(response, counted);
            }
        });
        boolean failedGuess = response.code() == HttpStatus.UNAUTHORIZED.getCode()
                || (response.code() == HttpStatus.CONFLICT.getCode() && PROBE_ROUTES.contains(route(request)));
        if (enabled && failedGuess && presentsSecret(request)) {
            throttle.count("guessing|ip:" + addresses.of(request), guessing.limit(), guessing.window());
        }
    }

    /**
     * Whether the request carries a credential to check: a header one, or it is a route that
     * checks a client secret or a password from its body.
     */
    private static boolean presentsSecret(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION) || request.getHeaders().contains("X-API-Key")
                || ("POST".equals(request.getMethodName()) && SECRET_ROUTES.contains(route(request)));
    }

    private static <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response, Throttle counted) {
        return response.header("RateLimit-Limit", String.valueOf(counted.limit()))
                .header("RateLimit-Remaining", String.valueOf(counted.remaining()))
                .header("RateLimit-Reset", String.valueOf(Math.max(1, counted.resetIn().toSeconds())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after() + 10;
    }
}
