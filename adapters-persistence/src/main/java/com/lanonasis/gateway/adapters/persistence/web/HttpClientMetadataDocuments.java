package com.lanonasis.gateway.adapters.persistence.web;

import com.lanonasis.gateway.adapters.persistence.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.clients.ClientMetadataDocument;
import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches Client ID Metadata Documents over the network, as the draft's security considerations
 * ask (draft-ietf-oauth-client-id-metadata-document, Security Considerations: SSRF, response size): https only; the host is resolved once,
 * every address is checked (no loopback, private, link-local, multicast or unspecified address)
 * and the connection goes to a checked address, so a second DNS answer cannot point it elsewhere
 * (the TLS handshake still verifies the certificate against the host name); a size limit and one
 * deadline for connect and read; no redirects followed. Successful fetches are cached per their
 * {@code Cache-Control: max-age}, kept between a floor and a ceiling, and failed ones (refused,
 * unreachable, slow, malformed) for {@code failureCache}, both in one bounded LRU cache.
 *
 * <p>A plain socket is used instead of {@code java.net.http.HttpClient} because the JDK client
 * resolves host names itself and offers no way to connect to an address checked beforehand.
 */
public final class HttpClientMetadataDocuments implements ClientMetadataDocuments {

    /**
     * What the adapter may do; {@code allowPrivateHosts} is for tests only. {@code failureCache}: how
     * long a URL whose fetch failed answers that failure from the cache instead of being fetched
     * again (so a client retrying a broken or slow document does not make us fetch it per request).
     */
    public record Settings(int maxBytes, Duration timeout, Duration minCache, Duration maxCache, int cacheEntries,
                           boolean allowPrivateHosts, Duration failureCache) {

        public Settings(int maxBytes, Duration timeout, Duration minCache, Duration maxCache, int cacheEntries,
                        boolean allowPrivateHosts) {
            this(maxBytes, timeout, minCache, maxCache, cacheEntries, allowPrivateHosts, Duration.ofSeconds(30));
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");

    private final Settings settings;
    private final Clock clock;
    private final ObjectMapper json = Json.MAPPER;
    private final Map<String, Cached> cache;

    /** A document, or the reason its fetch failed (negative caching), until a time. */
    private record Cached(ClientMetadataDocument document, String failure, Instant until) {

        Lookup lookup() {
            return document != null ? new Found(document) : new Unavailable(failure + " (remembered failure)");
        }
    }

    public HttpClientMetadataDocuments(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > settings.cacheEntries();
            }
        };
    }

    @Override
    public Lookup fetch(String url) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(url);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.lookup();
            }
            cache.remove(url);
        }
        Lookup lookup = load(url, now);
        if (lookup instanceof Unavailable failed && !settings.failureCache().isZero()) {
            synchronized (cache) {
                cache.put(url, new Cached(null, failed.reason(), now.plus(settings.failureCache())));
            }
        }
        return lookup;
    }

    private Lookup load(String url, Instant now) {
        try {
            Response response = get(checkedUrl(url));
            if (response.status() != 200) {
                return new Unavailable("metadata document " + url + " answered HTTP " + response.status()
                        + (response.status() / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            ClientMetadataDocument document = parse(response.body());
            Duration lifetime = lifetime(response.cacheControl());
            synchronized (cache) {
                cache.put(url, new Cached(document, null, now.plus(lifetime)));
            }
            return new Found(document);
        } catch (Refusal refusal) {
            return new Unavailable("metadata document " + url + ": " + refusal.getMessage());
        } catch (SocketTimeoutException e) {
            return new Unavailable("metadata document " + url + ": took longer than " + settings.timeout());
        } catch (IOException e) {
            return new Unavailable("metadata document " + url + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** Thrown inside the adapter for a rule the URL, the host or the answer breaks. */
    private static final class Refusal extends IOException {
        Refusal(String message) {
            super(message);
        }
    }

    private record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
    }

    private record Response(int status, String cacheControl, byte[] body) {
    }

    /** The draft's "Client Identifier URL" rules, then the scheme and address rules. */
    private Target checkedUrl(String url) throws Refusal {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refusal("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refusal("the URL must have a host, and no user info or fragment");
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new Refusal("the URL must have a path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new Refusal("the URL must not have . or .. path segments");
            }
        }
        boolean tls = scheme.equals("https");
        if (!tls && !(scheme.equals("http") && settings.allowPrivateHosts())) {
            throw new Refusal("the URL must use https");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw new Refusal("the host does not resolve");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
            if (!settings.allowPrivateHosts() && !isPublic(address)) {
                throw new Refusal("the host resolves to a non-public address " + address.getHostAddress());
            }
        }
        if (!tls && !allLoopback) {
            throw new Refusal("plain http is allowed (in tests) on loopback only");
        }
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new Target(uri, bareHost, port, tls, addresses[0]);
    }

    /** Globally routable unicast only: no loopback, private, shared (CGNAT), link-local, multicast or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) // 100.64/10 shared
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private Response get(Target target) throws IOException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), (int) settings.timeout().toMillis());
            Socket socket = plain;
            if (target.tls()) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(plain, target.host(), target.port(), true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
                    parameters.setServerNames(List.of(new SNIHostName(target.host())));
                }
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout(remaining(deadline));
                ssl.startHandshake();
                socket = ssl;
            }
            String pathAndQuery = target.uri().getRawPath()
                    + (target.uri().getRawQuery() == null ? "" : "?" + target.uri().getRawQuery());
            String hostHeader = target.uri().getRawAuthority();
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                    + "Accept-Encoding: identity\r\nUser-Agent: onasis-gateway\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(new DeadlineInput(socket, deadline));
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        if (millis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) millis;
    }

    /** Reads one byte at a time under the overall deadline, so a trickling server cannot hold the thread. */
    private static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[2048];
        private int position;
        private int limit;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        int read() throws IOException {
            if (position == limit) {
                socket.setSoTimeout(remaining(deadline));
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xff;
        }

        String line(int[] budget) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = read()) != -1 && b != '\n') {
                if (--budget[0] < 0) {
                    throw new Refusal("the response headers are too large");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (b == -1 && line.length() == 0) {
                throw new Refusal("the connection closed early");
            }
            return line.toString();
        }
    }

    private Response read(DeadlineInput in) throws IOException {
        int[] headerBudget = {MAX_HEADER_BYTES};
        String statusLine = in.line(headerBudget);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new Refusal("not an HTTP/1.x answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new Refusal("not an HTTP status");
        }
        long contentLength = -1;
        boolean chunked = false;
        StringBuilder cacheControl = new StringBuilder();
        String header;
        while (!(header = in.line(headerBudget)).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new Refusal("a malformed Content-Length");
                    }
                }
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "cache-control" -> cacheControl.append(cacheControl.length() == 0 ? "" : ",").append(value);
                default -> {
                }
            }
        }
        if (status != 200) {
            return new Response(status, "", new byte[0]);
        }
        if (contentLength > settings.maxBytes()) {
            throw new Refusal("the document is larger than " + settings.maxBytes() + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String sizeLine = in.line(headerBudget).split(";", 2)[0].trim();
                int size;
                try {
                    size = Integer.parseInt(sizeLine, 16);
                } catch (NumberFormatException e) {
                    throw new Refusal("a malformed chunk");
                }
                if (size == 0) {
                    break;
                }
                copy(in, body, size);
                in.line(headerBudget);
            }
        } else if (contentLength >= 0) {
            copy(in, body, contentLength);
        } else {
            copy(in, body, Long.MAX_VALUE);
        }
        return new Response(status, cacheControl.toString(), body.toByteArray());
    }

    private void copy(DeadlineInput in, ByteArrayOutputStream body, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            int b = in.read();
            if (b == -1) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new Refusal("the connection closed early");
            }
            if (body.size() >= settings.maxBytes()) {
                throw new Refusal("the document is larger than " + settings.maxBytes() + " bytes");
            }
            body.write(b);
        }
    }

    private Duration lifetime(String cacheControl) {
        Matcher matcher = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
        Duration asked = Duration.ZERO;
        if (matcher.find() && !cacheControl.toLowerCase(Locale.ROOT).contains("no-store")) {
            asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        }
        if (asked.compareTo(settings.minCache()) < 0) {
            return settings.minCache();
        }
        return asked.compareTo(settings.maxCache()) > 0 ? settings.maxCache() : asked;
    }

    private ClientMetadataDocument parse(byte[] body) throws Refusal {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new Refusal("the document is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refusal("the document is not a JSON object");
        }
        return new ClientMetadataDocument(text(root, "client_id"), text(root, "client_name"),
                texts(root, "redirect_uris"), text(root, "token_endpoint_auth_method"), texts(root, "grant_types"),
                texts(root, "response_types"), text(root, "scope"),
                root.has("client_secret") || root.has("client_secret_expires_at"));
    }

    private static String text(JsonNode root, String field) throws Refusal {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Refusal(field + " must be a string");
        }
        return node.textValue();
    }

    private static List<String> texts(JsonNode root, String field) throws Refusal {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new Refusal(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new Refusal(field + " must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }
}
