package com.lanonasis.gateway.bootstrap.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lanonasis.gateway.bootstrap.edge.RouteMap.Deployment;
import com.lanonasis.gateway.bootstrap.edge.RouteMap.Kind;
import com.lanonasis.gateway.bootstrap.edge.RouteMap.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed nginx config stays what the route map generates, and nginx accepts it. */
class NginxConfigTest {

    /** Maven runs tests in the module directory; the docs are beside it. */
    static final Path ROUTE_MAP = Path.of("../docs/edge/route-map.yml");
    static final Path COMMITTED = Path.of("../docs/edge/nginx/onasis-gateway.conf");

    @Test
    void theCommittedConfigIsWhatTheRouteMapGenerates() throws Exception {
        String generated = NginxConfig.render(RouteMap.read(ROUTE_MAP));
        if (Boolean.getBoolean("onasis.nginx.regenerate")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
            System.out.println("wrote " + COMMITTED.toAbsolutePath().normalize());
        }
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

        if (!generated.equals(committed)) {
            List<String> want = generated.lines().toList();
            List<String> have = committed.lines().toList();
            int line = 0;
            while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
                line++;
            }
            throw new AssertionError(COMMITTED + " is not what " + ROUTE_MAP + " generates; first difference at line "
                    + (line + 1) + ":\n  committed: " + (line < have.size() ? have.get(line) : "(end of file)")
                    + "\n  generated: " + (line < want.size() ? want.get(line) : "(end of file)")
                    + "\nRegenerate it: ./mvnw -q -o -B -pl bootstrap -am -Dtest=NginxConfigTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Donasis.nginx.regenerate=true test");
        }
    }

    @Test
    void theRouteMapTreatsEachTransportAsItNeeds() throws Exception {
        Map<String, Route> routes = RouteMap.read(ROUTE_MAP).routes().stream()
                .collect(Collectors.toMap(Route::path, route -> route));

        for (String path : List.of("/ws", "/mcp/ws")) {
            assertEquals(Kind.WEBSOCKET, routes.get(path).kind(), path);
        }
        for (String path : List.of("/sse", "/mcp", "/api/v1/events")) {
            assertEquals(Kind.STREAM, routes.get(path).kind(), path);
        }
        assertEquals("oauth_token", routes.get("/oauth/token").zone());
        assertEquals("auth_login", routes.get("/v1/auth/login").zone());
        assertEquals("api", routes.get("/api/v1/").zone());
        assertTrue(routes.get("/metrics").privateOnly());
    }

    @Test
    void eachKindOfLocationGetsItsDirectives() throws Exception {
        String config = Files.readString(COMMITTED, StandardCharsets.UTF_8);

        String websocket = block(config, "location = /ws {");
        assertTrue(websocket.contains("proxy_set_header Upgrade $http_upgrade;"), websocket);
        assertTrue(websocket.contains("proxy_set_header Connection $connection_upgrade;"), websocket);
        assertTrue(websocket.contains("proxy_read_timeout 1h;"), websocket);
        for (String sse : List.of("location = /sse {", "location = /mcp {", "location = /api/v1/events {")) {
            String block = block(config, sse);
            assertTrue(block.contains("proxy_buffering off;") && block.contains("proxy_read_timeout 1h;"), block);
        }
        String plain = block(config, "location = /oauth/token {");
        assertTrue(plain.contains("limit_req zone=oauth_token burst=20 nodelay;"), plain);
        for (String header : List.of("X-Forwarded-For $proxy_add_x_forwarded_for", "X-Forwarded-Proto $scheme",
                "X-Real-IP $remote_addr", "X-Request-ID $onasis_request_id")) {
            assertTrue(plain.contains("proxy_set_header " + header + ";"), header + " missing in " + plain);
            assertTrue(websocket.contains("proxy_set_header " + header + ";"), header + " missing in " + websocket);
        }

        String app = block(config, "location /other-mcp/ {");
        assertTrue(app.contains("auth_request /_onasis_verify/other_mcp;"), app);
        for (String header : NginxConfig.IDENTITY_HEADERS) {
            assertTrue(app.contains("proxy_set_header " + header + " $onasis_"), header + " is not replaced: " + app);
        }
        String check = block(config, "location = /_onasis_verify/other_mcp {");
        assertTrue(check.contains("internal;") && check.contains("proxy_pass http://onasis_gateway/verify?scope=mcp:tools;"),
                check);
    }

    @Test
    void aBadRouteMapFailsWithWhereTheProblemIs() {
        String good = "deployment: {server_name: x, listen: 80, worker_processes: auto, pid: /run/p, error_log: /e, "
                + "access_log: /a, gateway: ['127.0.0.1:4000']}\nrate_limits: []\n";

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> RouteMap.parse(good
                + "routes: [{path: /a, match: exact, kind: plain}, {path: /b, match: exact, kind: socket}]"));
        assertTrue(kind.getMessage().startsWith("routes[1].kind: one of [plain, websocket, stream]"), kind.getMessage());
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () -> RouteMap.parse(good
                + "routes: [{path: /a, match: exact, kind: plain, zone: nowhere}]"));
        assertEquals("routes[0].zone: no rate limit named nowhere", zone.getMessage());
        IllegalArgumentException injected = assertThrows(IllegalArgumentException.class, () -> RouteMap.parse(good
                + "routes: [{path: '/a; deny all', match: prefix, kind: plain}]"));
        assertTrue(injected.getMessage().startsWith("routes[0].path:"), injected.getMessage());
    }

    /** The proxy's zones are the service's: a zone the service does not limit, or a stricter proxy, is refused. */
    @Test
    void theProxysLimitsComeFromTheServicesRules() throws Exception {
        String deployment = "deployment: {server_name: x, listen: 80, worker_processes: auto, pid: /run/p, "
                + "error_log: /e, access_log: /a, gateway: ['127.0.0.1:4000']}\nroutes: []\n";

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> RouteMap.parse(deployment
                + "rate_limits: [{zone: nowhere, burst: 5}]"));
        assertTrue(unknown.getMessage().startsWith("rate_limits[0].zone: the service has no per-minute rule in zone nowhere"),
                unknown.getMessage());
        IllegalArgumentException stricter = assertThrows(IllegalArgumentException.class, () -> RouteMap.parse(deployment
                + "rate_limits: [{zone: auth_login, per_minute: 4, burst: 5}]"));
        assertTrue(stricter.getMessage().startsWith("rate_limits[0].per_minute: 4 is stricter than the service's 5/min"),
                stricter.getMessage());

        RouteMap.RateLimit api = RouteMap.read(ROUTE_MAP).rateLimits().stream()
                .filter(limit -> limit.zone().equals("api")).findFirst().orElseThrow();
        com.lanonasis.gateway.adapters.http.edge.RateLimitRule service = ServiceRateLimits.rules().stream()
                .filter(rule -> rule.zone().equals("api")).findFirst().orElseThrow();
        assertEquals(service.limit(), api.perMinute(), "the api zone's rate is the service's");
        assertEquals(RouteMap.Key.CREDENTIAL, api.key());
        String config = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertTrue(config.contains("zone=api:10m rate=" + service.limit() + "r/m"), "committed config mirrors it");
    }

    /**
     * nginx checks the committed config. Only the lines that bind this machine (listen port, pid
     * and log files) point at a temporary directory, so it can run without root and beside
     * anything on port 80; everything else is rendered from the same route map, which
     * {@link #theCommittedConfigIsWhatTheRouteMapGenerates} ties to the committed file.
     */
    @Test
    void nginxAcceptsTheConfig() throws Exception {
        assumeTrue(Nginx.binary().isPresent(), Nginx.NOT_INSTALLED + ": skipping nginx -t of the generated config");
        RouteMap map = RouteMap.read(ROUTE_MAP);
        Path dir = Nginx.directory();
        Deployment site = map.deployment();
        Deployment checkable = new Deployment(site.serverName(), "127.0.0.1:" + Nginx.freePort(),
                site.workerProcesses(), dir + "/nginx.pid", dir + "/logs/error.log", dir + "/logs/access.log",
                site.gateway(), site.protectedApps(), dir.toString());

        Nginx.Check check;
        try {
            check = Nginx.test(NginxConfig.render(map.withDeployment(checkable)), dir);
        } finally {
            Nginx.delete(dir);
        }

        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("test is successful"), check.output());
    }

    /** The text of the block that starts with the given line, up to its closing brace. */
    private static String block(String config, String opening) {
        int start = config.indexOf(opening);
        assertTrue(start >= 0, "no block " + opening);
        int end = config.indexOf("\n    }\n", start);
        return config.substring(start, end);
    }
}
