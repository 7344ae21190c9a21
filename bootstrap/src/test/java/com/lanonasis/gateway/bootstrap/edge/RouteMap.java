package com.lanonasis.gateway.bootstrap.edge;

import com.lanonasis.gateway.adapters.http.edge.RateLimitRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The routes of this service and how a reverse proxy must treat each, read from
 * {@code docs/edge/route-map.yml}. Every value that ends up in a proxy config is checked here,
 * so a typo fails with the place it is at rather than as a broken or unsafe config.
 *
 * <p>Rate limits have one source, the service's {@code onasis.edge.rate-limits.rules} (application.yml,
 * read by Micronaut as the service reads it, defaults for every placeholder): a zone of the route map
 * takes its key and its requests per minute from the service's rules of the same zone, and adds only
 * what the service does not know (nginx's {@code burst}, and where nginx must be looser than the
 * service because it cannot see what the service counts by, an explicit {@code per_minute}, never
 * stricter than the service's).
 */
public record RouteMap(Deployment deployment, List<RateLimit> rateLimits, List<Route> routes) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}|\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}");
    private static final Pattern LISTEN = Pattern.compile("[0-9]{1,5}|" + SERVER.pattern());
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~:/%+=&-]*");
    private static final Pattern FILE = Pattern.compile("/[A-Za-z0-9._/-]+");
    private static final Pattern SERVER_NAMES = Pattern.compile("[A-Za-z0-9.*-]+( [A-Za-z0-9.*-]+)*");
    private static final Pattern WORKERS = Pattern.compile("auto|[1-9][0-9]{0,2}");

    public enum Kind {
        /** Request and response; the proxy may buffer. */
        PLAIN,
        /** An HTTP/1.1 Upgrade to WebSocket, long-lived. */
        WEBSOCKET,
        /** Responses may be Server-Sent Events: never buffered, long read timeout. */
        STREAM
    }

    /** Whom a rate limit counts: the client address, or the credential (address when none is sent). */
    public enum Key { IP, CREDENTIAL }

    public record Route(String path, boolean exact, Kind kind, String zone, boolean privateOnly) {
    }

    public record RateLimit(String zone, Key key, int perMinute, int burst) {
    }

    /**
     * An app behind the gateway's ForwardAuth.
     *
     * @param verify  the query of its {@code /verify} call, e.g. {@code scope=mcp:tools} or {@code rule=<name>}
     * @param browser true: a request without a valid session is sent to the sign-in page
     */
    public record ProtectedApp(String name, String path, List<String> servers, String verify, boolean browser) {
    }

    /**
     * Where one installation runs.
     *
     * @param tempDir where nginx keeps buffered bodies; null for its built-in default
     */
    public record Deployment(String serverName, String listen, String workerProcesses, String pid, String errorLog,
                             String accessLog, List<String> gateway, List<ProtectedApp> protectedApps,
                             String tempDir) {
    }

    public RouteMap withDeployment(Deployment other) {
        return new RouteMap(other, rateLimits, routes);
    }

    public static RouteMap read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static RouteMap parse(String yaml) {
        return parse(yaml, ServiceRateLimits.rules());
    }

    /** The route map with the zones' limits taken from these service rules. */
    public static RouteMap parse(String yaml, List<RateLimitRule> serviceRules) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Node top = new Node("route map", root);
        List<RateLimit> limits = top.list("rate_limits").stream().map(node -> rateLimit(node, serviceRules)).toList();
        Set<String> zones = limits.stream().map(RateLimit::zone).collect(Collectors.toSet());
        if (zones.size() != limits.size()) {
            throw new IllegalArgumentException("rate_limits: two zones have the same name");
        }
        List<Route> routes = top.list("routes").stream().map(node -> route(node, zones)).toList();
        return new RouteMap(deployment(top.node("deployment")), limits, routes);
    }

    private static RateLimit rateLimit(Node node, List<RateLimitRule> serviceRules) {
        String zone = node.matching("zone", NAME);
        List<RateLimitRule> rules = serviceRules.stream()
                .filter(rule -> rule.zone().equals(zone) && rule.window().equals(Duration.ofMinutes(1))).toList();
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(node.where + ".zone: the service has no per-minute rule in zone " + zone
                    + " (onasis.edge.rate-limits.rules); the proxy's zones are the service's");
        }
        Set<Boolean> keys = rules.stream().map(RateLimitRule::perCredential).collect(Collectors.toSet());
        Set<Integer> perMinute = rules.stream().map(RateLimitRule::limit).collect(Collectors.toSet());
        if (keys.size() != 1 || perMinute.size() != 1) {
            throw new IllegalArgumentException(node.where + ": the service's rules of zone " + zone
                    + " disagree on their key or limit, so the proxy cannot mirror them");
        }
        int service = perMinute.iterator().next();
        int proxy = service;
        if (node.has("per_minute")) {
            proxy = node.positive("per_minute");
            if (proxy < service) {
                throw new IllegalArgumentException(node.where + ".per_minute: " + proxy + " is stricter than the service's "
                        + service + "/min in zone " + zone + "; the proxy, the coarser fence, must let the service decide");
            }
        }
        return new RateLimit(zone, keys.iterator().next() ? Key.CREDENTIAL : Key.IP, proxy, node.positive("burst"));
    }

    private static Route route(Node node, Set<String> zones) {
        String zone = node.has("zone") ? node.matching("zone", NAME) : null;
        if (zone != null && !zones.contains(zone)) {
            throw new IllegalArgumentException(node.where + ".zone: no rate limit named " + zone);
        }
        String match = node.string("match");
        if (!match.equals("exact") && !match.equals("prefix")) {
            throw new IllegalArgumentException(node.where + ".match: exact or prefix, not " + match);
        }
        return new Route(node.matching("path", PATH), match.equals("exact"), node.choice("kind", Kind.class), zone,
                node.has("private") && node.bool("private"));
    }

    private static Deployment deployment(Node node) {
        List<ProtectedApp> apps = node.has("protected") ? node.list("protected").stream().map(app -> new ProtectedApp(
                app.matching("name", NAME), app.matching("path", PATH), app.strings("servers", SERVER),
                app.matching("verify", QUERY), app.bool("browser"))).toList() : List.of();
        return new Deployment(node.matching("server_name", SERVER_NAMES), node.matching("listen", LISTEN),
                node.matching("worker_processes", WORKERS), node.matching("pid", FILE), node.matching("error_log", FILE),
                node.matching("access_log", FILE), node.strings("gateway", SERVER), apps, null);
    }

    /** A YAML value and where it is, for error messages. */
    private record Node(String where, Object value) {

        boolean has(String key) {
            return map().get(key) != null;
        }

        Node node(String key) {
            Object child = map().get(key);
            if (child == null) {
                throw new IllegalArgumentException(where + ": " + key + " is missing");
            }
            return new Node(where.equals("route map") ? key : where + "." + key, child);
        }

        List<Node> list(String key) {
            Node child = node(key);
            if (!(child.value instanceof List<?> items)) {
                throw new IllegalArgumentException(child.where + ": expected a list");
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                nodes.add(new Node(child.where + "[" + i + "]", items.get(i)));
            }
            return nodes;
        }

        String string(String key) {
            Node child = node(key);
            if (child.value instanceof Map<?, ?> || child.value instanceof List<?>) {
                throw new IllegalArgumentException(child.where + ": expected a single value");
            }
            return String.valueOf(child.value);
        }

        String matching(String key, Pattern pattern) {
            String text = string(key);
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(where + "." + key + ": \"" + text + "\" does not match " + pattern);
            }
            return text;
        }

        List<String> strings(String key, Pattern pattern) {
            List<String> values = list(key).stream().map(item -> {
                String text = String.valueOf(item.value);
                if (!pattern.matcher(text).matches()) {
                    throw new IllegalArgumentException(item.where + ": \"" + text + "\" does not match " + pattern);
                }
                return text;
            }).toList();
            if (values.isEmpty()) {
                throw new IllegalArgumentException(where + "." + key + ": needs at least one entry");
            }
            return values;
        }

        int positive(String key) {
            Object number = node(key).value;
            if (!(number instanceof Integer n) || n < 1) {
                throw new IllegalArgumentException(where + "." + key + ": expected a positive whole number");
            }
            return n;
        }

        boolean bool(String key) {
            if (!(node(key).value instanceof Boolean flag)) {
                throw new IllegalArgumentException(where + "." + key + ": expected true or false");
            }
            return flag;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String text = string(key);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "." + key + ": one of " + List.of(type.getEnumConstants())
                        .stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not " + text);
            }
        }

        private Map<?, ?> map() {
            if (!(value instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException(where + ": expected a mapping");
            }
            return entries;
        }
    }
}
