package com.lanonasis.gateway.bootstrap.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.lanonasis.gateway.adapters.http.edge.RateLimitRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's limits ({@code onasis.edge.rate-limits.rules}, read by {@link ServiceRateLimits} as the
 * service reads them) and the proxy's routes (docs/edge/route-map.yml, whose zones take their rates from
 * the service's rules: {@link RouteMap}) stay one design: every route the proxy limits is limited by the
 * service in the zone of the same name.
 */
class RateLimitRulesTest {

    private static boolean covers(RateLimitRule rule, RouteMap.Route route) {
        String path = rule.path();
        if (path.endsWith("*")) {
            return route.path().startsWith(path.substring(0, path.length() - 1));
        }
        return route.exact() && route.path().equals(path);
    }

    @Test
    void theServicesRulesAreReadAsTheServiceReadsThem() {
        List<RateLimitRule> rules = ServiceRateLimits.rules();

        assertFalse(rules.isEmpty());
        RateLimitRule api = rules.stream().filter(rule -> rule.zone().equals("api")).findFirst().orElseThrow();
        assertEquals(100, api.limit(), "${ONASIS_API_RATE_LIMIT:100} is its default");
        assertEquals(true, api.perCredential());
    }

    @Test
    void everyRouteTheProxyLimitsIsLimitedByTheGatewayInTheSameZone() throws Exception {
        RouteMap map = RouteMap.read(NginxConfigTest.ROUTE_MAP);
        List<RateLimitRule> rules = ServiceRateLimits.rules();
        List<String> missing = new ArrayList<>();
        for (RouteMap.Route route : map.routes()) {
            if (route.zone() == null || route.path().equals("/verify")) {
                // /verify: nginx calls it through internal locations, unlimited; Traefik's per-request
                // forwardAuth calls must not share the api budget, so the gateway leaves it unlimited
                continue;
            }
            boolean limited = rules.stream().anyMatch(rule -> route.zone().equals(rule.zone()) && covers(rule, route));
            if (!limited) {
                missing.add(route.path() + " (" + route.zone() + ")");
            }
        }
        assertEquals(List.of(), missing, "limited by the proxy but not by the gateway");
    }

    @Test
    void theProxyIsNeverStricterThanTheGateway() throws Exception {
        List<String> stricter = new ArrayList<>();
        for (RouteMap.RateLimit zone : RouteMap.read(NginxConfigTest.ROUTE_MAP).rateLimits()) {
            ServiceRateLimits.rules().stream()
                    .filter(rule -> zone.zone().equals(rule.zone()) && rule.window().toMinutes() == 1)
                    .filter(rule -> rule.limit() > zone.perMinute())
                    .forEach(rule -> stricter.add(zone.zone() + ": proxy " + zone.perMinute() + "/min, gateway "
                            + rule.limit() + "/min"));
        }
        assertEquals(List.of(), stricter);
    }
}
