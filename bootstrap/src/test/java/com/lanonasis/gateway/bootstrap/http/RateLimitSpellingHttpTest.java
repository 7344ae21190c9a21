package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 #3: a limit follows the route that serves the request, however its path is spelled.
 * For every route that takes a password or mints tokens, the budget of one address is spent on
 * the plain path, then the same route is asked for with a trailing slash, doubled slashes, a
 * {@code ;parameter}, a percent-encoded letter and in capitals: each must be refused (429), or not
 * be served at all (404). Sent with the JDK client, which keeps the path exactly as written.
 */
@MicronautTest
@Property(name = "onasis.edge.rate-limits.enabled", value = "true")
@Property(name = "onasis.edge.trusted-proxies", value = "127.0.0.1/32,::1/128")
class RateLimitSpellingHttpTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A route, how to call it, and the limit of its zone for one address. */
    private record Route(String method, String path, String contentType, String body, int limit) {
    }

    private static String address() {
        int n = NEXT.getAndIncrement();
        return "198.18." + (n / 250) + "." + (1 + n % 250);
    }

    private static final String LOGIN = "{\"email\":\"EMAIL\",\"password\":\"not the password\"}";

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/auth/login", JSON, LOGIN, 5),
            new Route("POST", "/api/v1/auth/login", JSON, LOGIN, 5),
            new Route("POST", "/auth/cli-login", JSON, LOGIN, 5),
            new Route("POST", "/api/v1/auth/cli-login", JSON, LOGIN, 5),
            new Route("POST", "/web/login", FORM, "email=EMAIL&password=x&csrf=x", 5),
            new Route("POST", "/v1/auth/register", JSON, "{\"email\":\"x\",\"password\":\"y\"}", 3),
            new Route("POST", "/api/v1/auth/register", JSON, "{\"email\":\"x\",\"password\":\"y\"}", 3),
            new Route("POST", "/oauth/token", FORM, "grant_type=password&username=a&password=b&client_id=c", 10),
            new Route("POST", "/token", FORM, "grant_type=client_credentials&client_id=c&client_secret=d", 10),
            new Route("POST", "/oauth/revoke", FORM, "token=x&client_id=c", 20),
            new Route("POST", "/revoke", FORM, "token=x&client_id=c", 20),
            new Route("GET", "/oauth/authorize", null, null, 10),
            new Route("GET", "/authorize", null, null, 10));

    private static List<String> spellings(String path) {
        int last = path.length() - 1;
        return List.of(path + "/", path + "//", path.replace("/", "//"), path + ";x", path + "/;x",
                path.substring(0, last) + "%" + Integer.toHexString(path.charAt(last)).toUpperCase(),
                path.toUpperCase(), path + "/.", path + "?x=1");
    }

    private int send(Route route, String path, String from) throws Exception {
        return exchange(route, path, from).statusCode();
    }

    private HttpResponse<String> exchange(Route route, String path, String from) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("X-Forwarded-For", from).header("Accept", JSON);
        if (route.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", route.contentType())
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(
                            route.body().replace("EMAIL", "nobody-" + UUID.randomUUID() + "@example.com")));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everySpellingOfALimitedRouteCountsAgainstItsLimit() throws Exception {
        List<String> bypasses = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String spelling : spellings(route.path())) {
                String from = address();
                Windows.roomFor(java.time.Duration.ofSeconds(3), java.time.Duration.ofMinutes(1));
                for (int i = 0; i < route.limit(); i++) {
                    HttpResponse<String> reply = exchange(route, route.path(), from);
                    assertTrue(reply.statusCode() != 429, route.path() + " from " + from + " refused after " + i
                            + " calls: " + reply.headers().map() + " " + reply.body());
                }
                int status = send(route, spelling, from);
                if (status != 429 && status != 404) {
                    bypasses.add(route.method() + " " + spelling + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), bypasses, "served past the limit of the route they reach");
    }

    @Test
    void theAliasesOfARouteShareOneBudget() throws Exception {
        Windows.roomForAFewSeconds();
        String from = address();
        Route login = ROUTES.get(0);
        List<String> aliases = List.of("/v1/auth/login", "/api/v1/auth/login", "/auth/cli-login",
                "/api/v1/auth/cli-login", "/v1/auth/login/");
        for (String alias : aliases) {
            assertEquals(401, send(login, alias, from), alias);
        }
        assertEquals(429, send(login, "/api/v1/auth/login", from), "five passwords a minute, whichever alias");
    }
}
