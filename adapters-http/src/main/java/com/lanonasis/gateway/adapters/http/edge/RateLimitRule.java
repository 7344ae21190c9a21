package com.lanonasis.gateway.adapters.http.edge;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rate limit of the service ({@code onasis.edge.rate-limits.rules}), the one source the
 * {@link RateLimitFilter} counts with and the nginx generator (bootstrap's test tooling) renders the
 * proxy's zones from.
 *
 * @param path          a route template, or a prefix ending in {@code *}
 * @param zone          the name of the count; rules sharing it share one count
 * @param grantTypes    when not empty, the rule applies only to these {@code grant_type}s of a form
 * @param exceptGrants  the {@code grant_type}s of a form this rule does not count
 */
public record RateLimitRule(String path, String zone, int limit, Duration window, boolean perCredential,
                            List<String> methods, List<String> grantTypes, List<String> exceptGrants) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** True when the rule counts every request of its paths, whatever the body says (no grant-type filter). */
    public boolean countsEveryRequest() {
        return grantTypes.isEmpty();
    }

    boolean matches(String route, String method) {
        boolean pathMatches = path.endsWith("*") ? route.startsWith(path.substring(0, path.length() - 1))
                : route.equals(path);
        return pathMatches && (methods.isEmpty() || methods.contains(method));
    }

    boolean needsGrant() {
        return !grantTypes.isEmpty() || !exceptGrants.isEmpty();
    }

    boolean appliesTo(@Nullable String grant) {
        if (!grantTypes.isEmpty() && (grant == null || !grantTypes.contains(grant))) {
            return false;
        }
        return grant == null || !exceptGrants.contains(grant);
    }

    /**
     * One entry of {@code onasis.edge.rate-limits.rules} as Micronaut reads it; an entry without a path or a
     * limit fails with the setting's name.
     */
    public static RateLimitRule of(Map<String, Object> map) {
        Object path = map.get("path");
        Object limit = map.get("limit");
        if (!(path instanceof String) || limit == null) {
            throw new IllegalArgumentException("onasis.edge.rate-limits.rules: each rule needs a path and a limit: "
                    + map);
        }
        Object window = map.get("window");
        Object zone = map.get("zone");
        return new RateLimitRule((String) path, zone == null ? (String) path : String.valueOf(zone),
                Integer.parseInt(String.valueOf(limit)), window == null ? MINUTE : duration(window),
                "credential".equals(map.get("key")),
                strings(map.get("methods")).stream().map(m -> m.toUpperCase(Locale.ROOT)).toList(),
                strings(map.get("grant-types")), strings(map.get("except-grant-types")));
    }

    private static Duration duration(Object window) {
        return Duration.parse("PT" + String.valueOf(window).toUpperCase(Locale.ROOT));
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).split("\\s*,\\s*"));
    }
}

