package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.error.ErrorBody;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase;
import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase.Throttle;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-route limits from {@code onasis.edge.rate-limits.rules}, counted per client IP or per
 * credential through the shared limiter (Redis when configured). Limited responses carry
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refused one
 * is 429 with {@code Retry-After} and the service's error body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {

    private static final String THROTTLE = "onasis.throttle";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** @param path an exact path, or a prefix ending in {@code *} */
    record Rule(String path, int limit, Duration window, boolean perCredential, List<String> methods) {

        boolean matches(HttpRequest<?> request) {
            String requested = request.getPath();
            boolean pathMatches = path.endsWith("*") ? requested.startsWith(path.substring(0, path.length() - 1))
                    : requested.equals(path);
            return pathMatches && (methods.isEmpty() || methods.contains(request.getMethodName()));
        }

        @SuppressWarnings("unchecked")
        static Rule of(Map<String, Object> map) {
            Object path = map.get("path");
            Object limit = map.get("limit");
            if (!(path instanceof String) || limit == null) {
                throw new IllegalArgumentException("onasis.edge.rate-limits.rules: each rule needs a path and a limit: "
                        + map);
            }
            Object window = map.get("window");
            Object methods = map.getOrDefault("methods", List.of());
            return new Rule((String) path, Integer.parseInt(String.valueOf(limit)),
                    window == null ? MINUTE : Duration.parse("PT" + String.valueOf(window).toUpperCase(Locale.ROOT)),
                    "credential".equals(map.get("key")),
                    ((List<Object>) methods).stream().map(m -> String.valueOf(m).toUpperCase(Locale.ROOT)).toList());
        }
    }

    private final ThrottleUseCase throttle;
    private final ClientAddress addresses;
    private final List<Rule> rules;
    private final boolean enabled;

    RateLimitFilter(ThrottleUseCase throttle, ClientAddress addresses,
                    @Value("${onasis.edge.rate-limits.enabled:true}") boolean enabled,
                    @Property(name = "onasis.edge.rate-limits.rules") @Nullable List<Map<String, Object>> rules) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.enabled = enabled;
        this.rules = rules == null ? List.of() : rules.stream().map(Rule::of).toList();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> count(HttpRequest<?> request) {
        if (!enabled || "OPTIONS".equals(request.getMethodName())) {
            return null;
        }
        Optional<Rule> rule = rules.stream().filter(candidate -> candidate.matches(request)).findFirst();
        if (rule.isEmpty()) {
            return null;
        }
        Rule limit = rule.get();
        String who = limit.perCredential() ? Callers.fingerprint(request).map(id -> "credential:" + id)
                .orElseGet(() -> "ip:" + addresses.of(request)) : "ip:" + addresses.of(request);
        Throttle counted = throttle.count(limit.path() + "|" + who, limit.limit(), limit.window());
        request.setAttribute(THROTTLE, counted);
        if (counted.allowed()) {
            return null;
        }
        long retryAfter = Math.max(1, counted.resetIn().toSeconds());
        return headers(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(new ErrorBody("rate_limited", "too many requests; retry in " + retryAfter + " s", null,
                        RequestIds.of(request))), counted)
                .header("Retry-After", String.valueOf(retryAfter));
    }

    @ResponseFilter
    void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(THROTTLE, Throttle.class).ifPresent(counted -> {
            if (!response.getHeaders().contains("RateLimit-Limit")) {
                headers(response, counted);
            }
        });
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
