package com.lanonasis.gateway.bootstrap.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The gateway's own limits ({@code onasis.edge.rate-limits.rules} in application.yml) and the proxy's
 * (docs/edge/route-map.yml) stay one design: every route the proxy limits is limited by the gateway
 * in the zone of the same name, and the proxy, the coarser outer fence, is never stricter than the
 * gateway (else the gateway's finer rules, such as device-code polling, could never be reached).
 */
class RateLimitRulesTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> gatewayRules() throws Exception {
        try (InputStream in = RateLimitRulesTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> edge = (Map<String, Object>) ((Map<String, Object>) root.get("onasis")).get("edge");
            return (List<Map<String, Object>>) ((Map<String, Object>) edge.get("rate-limits")).get("rules");
        }
    }

    private static boolean covers(Map<String, Object> rule, RouteMap.Route route) {
        String path = String.valueOf(rule.get("path"));
        if (path.endsWith("*")) {
            return route.path().startsWith(path.substring(0, path.length() - 1));
        }
        return route.exact() && route.path().equals(path);
    }

    /** The rule's limit, or the default of its {@code ${ENV:default}} placeholder. */
    private static int limit(Map<String, Object> rule) {
        String limit = String.valueOf(rule.get("limit"));
        return Integer.parseInt(limit.startsWith("${") ? limit.substring(limit.indexOf(':') + 1, limit.length() - 1)
                : limit);
    }

    @Test
    void everyRouteTheProxyLimitsIsLimitedByTheGatewayInTheSameZone() throws Exception {
        RouteMap map = RouteMap.read(NginxConfigTest.ROUTE_MAP);
        List<Map<String, Object>> rules = gatewayRules();
        List<String> missing = new ArrayList<>();
        for (RouteMap.Route route : map.routes()) {
            if (route.zone() == null || route.path().equals("/verify")) {
                // /verify: nginx calls it through internal locations, unlimited; Traefik's per-request
                // forwardAuth calls must not share the api budget, so the gateway leaves it unlimited
                continue;
            }
            boolean limited = rules.stream().anyMatch(rule -> route.zone().equals(rule.get("zone")) && covers(rule, route));
            if (!limited) {
                missing.add(route.path() + " (" + route.zone() + ")");
            }
        }
        assertEquals(List.of(), missing, "limited by the proxy but not by the gateway");
    }

    @Test
    void theProxyIsNeverStricterThanTheGateway() throws Exception {
        List<Map<String, Object>> rules = gatewayRules();
        List<String> stricter = new ArrayList<>();
        for (RouteMap.RateLimit zone : RouteMap.read(NginxConfigTest.ROUTE_MAP).rateLimits()) {
            rules.stream().filter(rule -> zone.zone().equals(rule.get("zone")) && rule.get("window") == null)
                    .filter(rule -> limit(rule) > zone.perMinute())
                    .forEach(rule -> stricter.add(zone.zone() + ": proxy " + zone.perMinute() + "/min, gateway "
                            + rule.get("limit") + "/min"));
        }
        assertEquals(List.of(), stricter);
    }
}
