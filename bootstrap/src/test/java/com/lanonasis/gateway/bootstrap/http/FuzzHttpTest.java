package com.lanonasis.gateway.bootstrap.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing (jqwik) of every parser that takes untrusted input, through the real
 * server: form and JSON bodies at the OAuth, registration, login, memory and MCP endpoints,
 * JSON-RPC messages, JWTs and API keys in headers, redirect URIs, the Accept, Origin, Host,
 * X-Forwarded-For, X-Request-ID and Last-Event-ID headers, and path spellings. The property: the
 * server never answers 5xx (an exception escaping a parser is a 500).
 *
 * <p>A bounded run (jqwik.tries.default in junit-platform.properties) is part of every build; a
 * long one: {@code ./mvnw -o -pl bootstrap -am -Dtest=FuzzHttpTest -Djqwik.tries.default=20000
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs test}. A failing input is shrunk and printed,
 * and replayed first on the next run (target/jqwik-database).
 */
class FuzzHttpTest {

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static HttpClient http;
    private static String apiKey;
    private static String bearer;

    @BeforeContainer
    static void start() throws Exception {
        context = ApplicationContext.run(Map.of("onasis.edge.rate-limits.enabled", "true",
                "onasis.edge.trusted-proxies", "127.0.0.1/32,::1/128",
                "onasis.edge.rate-limits.guessing.limit", "1000000"), "test");
        server = context.getBean(EmbeddedServer.class).start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String email = "fuzz-" + UUID.randomUUID() + "@example.com";
        send("POST", "/v1/auth/register", "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"fuzzing password 1\"}", "X-Forwarded-For", "10.9.9.1");
        String login = send("POST", "/v1/auth/login", "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"fuzzing password 1\"}", "X-Forwarded-For", "10.9.9.1")
                .body();
        bearer = field(login, "access_token");
        String key = send("POST", "/api/v1/auth/api-keys", "application/json", "{\"name\":\"fuzz\"}",
                "Authorization", "Bearer " + bearer, "X-Forwarded-For", "10.9.9.1").body();
        apiKey = field(key, "key");
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body,
                                             String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void neverFails(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 500) {
            throw new AssertionError(response.statusCode() + " for " + what + ": " + response.body());
        }
    }

    // ---- generators -------------------------------------------------------------------------

    /** Text a hostile client would send: any code point, controls, bidi, percent and JSON escapes. */
    private static Arbitrary<String> hostileText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> tricky = Arbitraries.of("", " ", "%", "%zz", "%00", "%2F", "\u0000", "\u001b[2J", "\u202e",
                "\\", "\"", "{", "}", "[", "]", "<script>", "'; drop table users; --", "..", "//", "\ud800", "null",
                "-1", "1e309", "9999999999999999999999", "true", "a".repeat(3000), "urn:ietf:params:oauth:grant-type:device_code",
                "https://good.example@evil.example/", "http://127.0.0.1:1/cb", "javascript:alert(1)", "pk_", "sk_");
        return Arbitraries.oneOf(unicode, tricky, Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60));
    }

    private static Arbitrary<String> form() {
        Arbitrary<String> key = Arbitraries.of("grant_type", "code", "redirect_uri", "code_verifier", "client_id",
                "client_secret", "refresh_token", "device_code", "scope", "resource", "username", "password",
                "token", "token_type_hint", "user_code", "decision", "csrf", "return_to", "email");
        Arbitrary<String> pair = Combinators.combine(key, hostileText(), Arbitraries.of(true, false))
                .as((k, v, encode) -> k + "=" + (encode ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v));
        Arbitrary<String> fields = pair.list().ofMaxSize(8).map(list -> String.join("&", list));
        return Arbitraries.oneOf(fields, hostileText());
    }

    /** A JSON value of limited depth; sometimes broken on purpose. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                hostileText().map(FuzzHttpTest::quote),
                Arbitraries.of("null", "true", "false", "0", "-0", "1e400", "-9223372036854775809", "0.1", "[]", "{}"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("title", "content", "type", "memory_type", "tags",
                "metadata", "email", "password", "name", "redirect_uris", "client_name", "grant_types",
                "token_endpoint_auth_method", "scope", "query", "limit", "threshold", "ids", "jsonrpc", "id",
                "method", "params", "arguments", "uri", "client_id", "token"), hostileText());
        Arbitrary<String> object = Combinators.combine(key, Arbitraries.lazy(() -> json(depth - 1)))
                .as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(6).map(list -> "{" + String.join(",", list) + "}");
        Arbitrary<String> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(5)
                .map(list -> "[" + String.join(",", list) + "]");
        Arbitrary<String> broken = Combinators.combine(object, Arbitraries.integers().between(0, 40))
                .as((text, cut) -> text.substring(0, Math.min(cut, text.length())));
        return Arbitraries.oneOf(object, object, object, array, scalar, scalar, broken);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Arbitrary<String> address() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).list().ofSize(4).map(parts -> String.join(".",
                        parts.stream().map(String::valueOf).toList())),
                Arbitraries.of("::1", "fe80::1%eth0", "2001:db8::1", "unknown", "localhost", "example.com", "",
                        "1.2.3.4, 5.6.7.8", "999.1.1.1", "1.2.3", "[::1]:80", "0x7f000001"),
                hostileText());
    }

    // ---- properties -------------------------------------------------------------------------

    @Provide
    Arbitrary<String> formPaths() {
        return Arbitraries.of("/oauth/token", "/token", "/oauth/revoke", "/oauth/introspect", "/introspect",
                "/oauth/device", "/oauth/device/decide", "/web/login", "/oauth/authorize/consent", "/legacy/exchange",
                "/legacy/introspect");
    }

    @Property
    void formBodiesNeverFail(@ForAll("formPaths") String path, @ForAll("forms") String body,
                             @ForAll("addresses") String from, @ForAll boolean basic) throws Exception {
        String[] headers = basic
                ? new String[] {"X-Forwarded-For", clean(from), "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))}
                : new String[] {"X-Forwarded-For", clean(from)};
        neverFails(send("POST", path, "application/x-www-form-urlencoded", body, headers), "POST " + path + " " + body);
    }

    @Provide
    Arbitrary<String> forms() {
        return form();
    }

    @Provide
    Arbitrary<String> addresses() {
        return address();
    }

    @Provide
    Arbitrary<String> jsonPaths() {
        return Arbitraries.of("/register", "/oauth/register", "/v1/auth/register", "/v1/auth/login",
                "/auth/cli-login", "/v1/auth/verify", "/api/v1/memory", "/api/v1/memory/search",
                "/api/v1/memory/bulk/delete", "/api/v1/auth/api-keys", "/api/v1/tools/memory_create",
                "/api/v1/tools/memory_search", "/mcp", "/legacy/exchange");
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        return json(3);
    }

    @Property
    void jsonBodiesNeverFail(@ForAll("jsonPaths") String path, @ForAll("jsonBodies") String body,
                             @ForAll boolean useKey) throws Exception {
        neverFails(send("POST", path, "application/json", body, "X-API-Key", apiKey, "Accept",
                "application/json, text/event-stream", "X-Forwarded-For", useKey ? "10.9.9.2" : "10.9.9.3"),
                "POST " + path + " " + body);
    }

    @Provide
    Arbitrary<String> jsonRpc() {
        Arbitrary<String> method = Arbitraries.oneOf(Arbitraries.of("initialize", "tools/list", "tools/call",
                "resources/list", "resources/read", "resources/subscribe", "prompts/list", "prompts/get", "ping",
                "logging/setLevel", "completion/complete", "notifications/initialized", "notifications/cancelled"),
                hostileText());
        Arbitrary<String> tool = Arbitraries.of("memory_create", "memory_search", "memory_get", "memory_update",
                "memory_delete", "memory_list", "api_key_create", "api_key_list", "api_key_revoke", "nope");
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                hostileText().map(FuzzHttpTest::quote), Arbitraries.of("null", "{}", "[]", "1.5"));
        Arbitrary<String> params = Arbitraries.oneOf(json(2), Combinators.combine(tool, json(2))
                .as((name, args) -> "{\"name\":\"" + name + "\",\"arguments\":" + args + "}"));
        Arbitrary<String> message = Combinators.combine(method, id, params, Arbitraries.of("\"2.0\"", "\"1.0\"", "2"))
                .as((m, i, p, v) -> "{\"jsonrpc\":" + v + ",\"id\":" + i + ",\"method\":" + quote(m)
                        + ",\"params\":" + p + "}");
        return Arbitraries.oneOf(message, message.list().ofMinSize(1).ofMaxSize(3)
                .map(list -> "[" + String.join(",", list) + "]"));
    }

    @Property
    void jsonRpcMessagesNeverFail(@ForAll("jsonRpc") String message, @ForAll boolean bearerToken) throws Exception {
        neverFails(send("POST", "/mcp", "application/json", message, bearerToken
                        ? "Authorization" : "X-API-Key", bearerToken ? "Bearer " + bearer : apiKey,
                "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2025-11-25"),
                "POST /mcp " + message);
    }

    @Provide
    Arbitrary<String> credentials() {
        Arbitrary<String> segment = hostileText().map(text -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> header = Arbitraries.of("{\"alg\":\"RS256\",\"kid\":\"x\"}", "{\"alg\":\"none\"}",
                "{\"alg\":\"HS256\"}", "{\"alg\":\"RS256\",\"kid\":\"../../etc/passwd\"}", "{}", "[]", "{\"alg\":1}")
                .map(text -> Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> jwt = Combinators.combine(Arbitraries.oneOf(header, segment), segment, segment)
                .as((h, p, s) -> h + "." + p + "." + s);
        Arbitrary<String> key = Combinators.combine(hostileText(), hostileText()).as((a, b) -> "pk_" + a + ".sk_" + b);
        return Arbitraries.oneOf(jwt, key, hostileText(), Arbitraries.just(apiKey + "x"),
                Arbitraries.just(bearer.substring(0, bearer.length() - 2)));
    }

    @Property
    void credentialsNeverFail(@ForAll("credentials") String credential, @ForAll("credentialPaths") String path,
                              @ForAll boolean asKey) throws Exception {
        String value = clean(credential);
        neverFails(send("GET", path, null, null, asKey ? "X-API-Key" : "Authorization", asKey ? value
                : "Bearer " + value, "X-Forwarded-For", "10.9.9.4"), path + " with " + value);
    }

    @Provide
    Arbitrary<String> credentialPaths() {
        return Arbitraries.of("/api/v1/memory", "/v1/auth/session", "/verify", "/api/v1/auth/api-keys",
                "/api/v1/memory/stats", "/api/v1/tools");
    }

    @Provide
    Arbitrary<String> authorizeQueries() {
        Arbitrary<String> param = Combinators.combine(Arbitraries.of("client_id", "redirect_uri", "response_type",
                "scope", "state", "code_challenge", "code_challenge_method", "resource", "prompt"), hostileText(),
                Arbitraries.of(true, false))
                .as((k, v, encode) -> k + "=" + (encode ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v));
        Arbitrary<String> typical = hostileText().map(uri -> "client_id=lanonasis-cli&response_type=code"
                + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256&redirect_uri="
                + URLEncoder.encode(uri, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(typical, param.list().ofMaxSize(8).map(list -> String.join("&", list)));
    }

    @Property
    void redirectUrisAndAuthorizationRequestsNeverFail(@ForAll("authorizeQueries") String query,
                                                       @ForAll("jsonBodies") String metadata) throws Exception {
        neverFails(rawRequest("GET /oauth/authorize?" + query.replace(" ", "%20").replace("\r", "%0D")
                .replace("\n", "%0A") + " HTTP/1.1", List.of("Accept: text/html")), "authorize ?" + query);
        neverFails(send("POST", "/register", "application/json", "{\"redirect_uris\":[" + metadata
                + "],\"client_name\":" + metadata + "}", "X-Forwarded-For", "10.9.9.5"), "register " + metadata);
    }

    @Provide
    Arbitrary<String> headerPaths() {
        return Arbitraries.of("/api/v1/memory", "/api/v1/events", "/mcp", "/sse", "/oauth/token", "/v1/auth/login",
                "/web/login", "/health", "/.well-known/oauth-authorization-server", "/verify", "/nothing/here");
    }

    @Provide
    Arbitrary<List<String>> headerSets() {
        Arbitrary<String> name = Arbitraries.of("Accept", "Origin", "Host", "X-Forwarded-For", "X-Real-IP",
                "Last-Event-ID", "X-Request-ID", "Mcp-Session-Id", "MCP-Protocol-Version", "Cookie", "Content-Type",
                "Access-Control-Request-Method", "Access-Control-Request-Headers", "Forwarded", "X-Forwarded-Host");
        Arbitrary<String> value = Arbitraries.oneOf(hostileText(), address(), Arbitraries.of("text/html;q=abc",
                "*/*;q=NaN", "application/json;q=-1", "text/event-stream", "null", "http://localhost:1",
                "https://evil.example", "9223372036854775808", "-1", "1-2-3", "onasis_session=x"));
        return Combinators.combine(name, value).as((n, v) -> n + ": " + v.replaceAll("[\\r\\n]", " "))
                .list().ofMaxSize(6);
    }

    @Property
    void headersAndPathSpellingsNeverFail(@ForAll("headerPaths") String path, @ForAll("headerSets") List<String> headers,
                                         @ForAll("spellings") String spelling, @ForAll boolean withKey)
            throws Exception {
        List<String> all = new ArrayList<>(headers);
        if (withKey) {
            all.add("X-API-Key: " + apiKey);
        }
        String target = spelling.replace("PATH", path).replace(" ", "%20");
        neverFails(rawRequest("GET " + target + " HTTP/1.1", all),
                "GET " + target + " " + all);
    }

    @Provide
    Arbitrary<String> spellings() {
        return Arbitraries.oneOf(Arbitraries.of("PATH", "PATH/", "/PATH", "PATH;x", "PATH/..", "PATH/%2e%2e",
                "PATH?%zz", "PATH%00", "PATH/%ff%fe", "PATH?a=%E0%A4%A", "PATH#frag"),
                hostileText().map(text -> "PATH?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
    }

    private static String clean(String headerValue) {
        StringBuilder out = new StringBuilder();
        for (char c : headerValue.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString().strip();
    }

    /**
     * One request over a plain socket, so header values and targets the JDK client refuses (Host,
     * raw bytes) reach the server as sent; the answer's status line is all that is read.
     */
    private static HttpResponse<String> rawRequest(String requestLine, List<String> headers) throws Exception {
        URI base = URI.create(server.getURL().toString());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            boolean host = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
            if (!host) {
                request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n' && head.size() < 1000) {
                head.write(b);
            }
            String statusLine = head.toString(StandardCharsets.ISO_8859_1);
            Matcher status = STATUS.matcher(statusLine);
            int code = status.find() ? Integer.parseInt(status.group(1)) : (statusLine.isEmpty() ? 400 : 599);
            return new StatusOnly(code, statusLine);
        }
    }

    /** The status of a raw exchange, in the shape {@link #neverFails} reads. */
    private record StatusOnly(int statusCode, String body) implements HttpResponse<String> {
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return null; }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
