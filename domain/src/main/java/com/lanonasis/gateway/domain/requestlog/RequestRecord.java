package com.lanonasis.gateway.domain.requestlog;

import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP request as the access log keeps it. Never a credential, a query string or a cookie:
 * {@code route} is the route template the request matched (ids as placeholders), not the path.
 *
 * @param clientAddress the caller's address as the edge computed it (trusted-proxy aware)
 * @param userId        the authenticated user, null for anonymous requests
 * @param clientId      the OAuth client of the credential, null when none
 * @param durationMicros time from the first filter to the response
 */
public record RequestRecord(Instant at, String requestId, String method, String route, int status,
                            long durationMicros, String clientAddress, String host, String userAgent,
                            String userId, String clientId) {

    public static final int MAX_ROUTE = 300;
    public static final int MAX_HOST = 255;
    public static final int MAX_USER_AGENT = 512;

    public RequestRecord {
        Objects.requireNonNull(at, "at");
        requestId = cut(Objects.requireNonNull(requestId, "requestId"), 128);
        method = cut(Objects.requireNonNull(method, "method"), 16);
        route = cut(Objects.requireNonNull(route, "route"), MAX_ROUTE);
        clientAddress = cut(Objects.requireNonNull(clientAddress, "clientAddress"), 64);
        host = cut(host, MAX_HOST);
        userAgent = cut(userAgent, MAX_USER_AGENT);
        userId = cut(userId, 64);
        clientId = cut(clientId, 100);
        if (durationMicros < 0) {
            durationMicros = 0;
        }
    }

    public boolean isError(int threshold) {
        return status >= threshold;
    }

    /** Callers control host and user agent: stored cut to the column's size, never refused (NULs dropped: Postgres refuses them). */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
