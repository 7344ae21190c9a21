import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop load over MCP WebSocket, built like wrk: ONE thread, a selector over CONNECTIONS
 * sockets, each with exactly one JSON-RPC request in flight (the next one goes out as soon as its
 * answer is in), frames read and written by hand (RFC 6455: masked client frames, unmasked server
 * frames, fragments, ping/pong, close). It used to be java.net.http's WebSocket client, whose
 * per-message CompletableFuture hops cost about as much CPU as the server on a 2-core machine
 * (docs/performance.md, "MCP over WebSocket"); wrk's C client costs a fraction of that, so the
 * WebSocket figure was the only one measured with a heavy client.
 *
 * Every answer must be the JSON-RPC result of the request in flight on its socket (same id) and a
 * successful tool result ({@code "isError":false}); anything else (a tool error, a JSON-RPC error,
 * a notification, a close or a socket error before the end, an answer that does not come within
 * 10 s after the end) fails the run with exit code 1.
 *
 * Prints requests/s, p50, p99 and the CPU this client used during the measured window.
 * Usage: java WsBench.java ws://localhost:4300/ws API_KEY CONNECTIONS SECONDS 'JSON-RPC with "id":0'
 */
public class WsBench {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] SUCCESS = "\"isError\":false".getBytes(StandardCharsets.US_ASCII);

    private static long errors;
    private static String firstError;

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java WsBench.java ws://HOST:PORT/ws API_KEY CONNECTIONS SECONDS 'JSON-RPC with \"id\":0'");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        String key = args[1];
        int connections = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String template = args[4];
        if (!template.contains("\"id\":0")) {
            throw new IllegalArgumentException("the request must contain \"id\":0 (replaced by a counter)");
        }
        Selector selector = Selector.open();
        Conn[] conns = new Conn[connections];
        for (int c = 0; c < connections; c++) {
            conns[c] = Conn.open(uri, key, template);
            conns[c].channel.register(selector, SelectionKey.OP_READ, conns[c]);
        }
        long[] samples = new long[1 << 20];
        int count = 0;
        Duration cpuBefore = cpu();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (Conn conn : conns) {
            conn.send(start);
        }
        long inFlight = connections;
        long drainUntil = Long.MAX_VALUE;
        while (inFlight > 0) {
            long now = System.nanoTime();
            if (now >= end && drainUntil == Long.MAX_VALUE) {
                drainUntil = now + 10_000_000_000L;
            }
            if (now >= drainUntil) {
                error(inFlight + " requests not answered within 10 s after the end");
                break;
            }
            long wait = Math.max(1, ((now < end ? end : drainUntil) - now) / 1_000_000);
            selector.select(wait);
            for (SelectionKey selected : selector.selectedKeys()) {
                Conn conn = (Conn) selected.attachment();
                if (!conn.read()) {
                    error("the server closed or broke a socket before the end");
                    selected.cancel();
                    if (conn.pending) {
                        conn.pending = false;
                        inFlight--;
                    }
                    continue;
                }
                byte[] message;
                while ((message = conn.nextMessage()) != null) {
                    long received = System.nanoTime();
                    if (!conn.pending) {
                        error("a message with no request in flight: " + preview(message));
                        continue;
                    }
                    conn.pending = false;
                    inFlight--;
                    if (!conn.answers(message)) {
                        error("not a successful memory_get result: " + preview(message));
                    }
                    if (received <= end) {
                        if (count == samples.length) {
                            samples = Arrays.copyOf(samples, count * 2);
                        }
                        samples[count++] = received - conn.sentAt;
                        conn.send(received);
                        inFlight++;
                    }
                }
            }
            selector.selectedKeys().clear();
        }
        long elapsed = Math.min(System.nanoTime(), end) - start;
        Duration cpuUsed = cpu().minus(cpuBefore);
        for (Conn conn : conns) {
            conn.close();
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double perSecond = count / (elapsed / 1e9);
        System.out.printf("websocket: %d requests in %d s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d"
                        + " (client: 1 thread, %d connections x 1 in flight, CPU %.1f s = %.0f %% of one core)%n",
                count, seconds, perSecond, count == 0 ? 0 : sorted[count / 2] / 1e6,
                count == 0 ? 0 : sorted[(int) (count * 0.99)] / 1e6, errors, connections,
                cpuUsed.toMillis() / 1e3, 100.0 * cpuUsed.toNanos() / elapsed);
        if (errors > 0 || count == 0) {
            System.err.println("BENCH FAILED: " + errors + " errors, e.g. " + firstError);
            System.exit(1);
        }
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void error(String what) {
        errors++;
        if (firstError == null) {
            firstError = what;
        }
    }

    private static String preview(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One socket: its request template split around the id, its read buffer and the message being assembled. */
    private static final class Conn {
        final SocketChannel channel;
        final byte[] head;
        final byte[] tail;
        final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        final ByteBuffer out = ByteBuffer.allocate(1 << 16);
        final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        boolean pending;
        long sentAt;
        long id;

        private Conn(SocketChannel channel, String template) {
            this.channel = channel;
            int at = template.indexOf("\"id\":0");
            this.head = template.substring(0, at + 5).getBytes(StandardCharsets.UTF_8);
            this.tail = template.substring(at + 6).getBytes(StandardCharsets.UTF_8);
            in.flip();
        }

        /** Connects and upgrades (blocking), checks the 101, the accept hash and the subprotocol; then non-blocking. */
        static Conn open(URI uri, String key, String template) throws IOException {
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), port));
            channel.socket().setTcpNoDelay(true);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String secKey = Base64.getEncoder().encodeToString(nonce);
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + secKey + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: mcp\r\nX-API-Key: " + key + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            Conn conn = new Conn(channel, template);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            String response;
            while (true) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the server closed the connection during the upgrade");
                }
                response = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
                if (response.contains("\r\n\r\n")) {
                    break;
                }
            }
            int headerEnd = response.indexOf("\r\n\r\n") + 4;
            String headers = response.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT);
            String expected;
            try {
                expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((secKey + GUID).getBytes(StandardCharsets.US_ASCII))).toLowerCase(java.util.Locale.ROOT);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (!headers.startsWith("http/1.1 101") || !headers.contains("sec-websocket-accept: " + expected)
                    || !headers.contains("sec-websocket-protocol: mcp")) {
                throw new IOException("the upgrade was refused: " + response.lines().findFirst().orElse(""));
            }
            conn.in.clear();
            conn.in.put(buffer.array(), headerEnd, buffer.position() - headerEnd);
            conn.in.flip();
            channel.configureBlocking(false);
            return conn;
        }

        /** Sends the next request (a masked text frame with the next id). */
        void send(long now) throws IOException {
            byte[] number = Long.toString(++id).getBytes(StandardCharsets.US_ASCII);
            int length = head.length + number.length + tail.length;
            out.clear();
            out.put((byte) 0x81); // FIN, text
            if (length < 126) {
                out.put((byte) (0x80 | length));
            } else if (length < 65536) {
                out.put((byte) (0x80 | 126)).putShort((short) length);
            } else {
                out.put((byte) (0x80 | 127)).putLong(length);
            }
            int mask = ThreadLocalRandom.current().nextInt();
            out.putInt(mask);
            int i = 0;
            for (byte[] part : new byte[][] {head, number, tail}) {
                for (byte b : part) {
                    out.put((byte) (b ^ (mask >>> (24 - 8 * (i++ & 3)))));
                }
            }
            out.flip();
            while (out.hasRemaining()) {
                channel.write(out); // small frames: the socket buffer takes them at once
            }
            sentAt = now;
            pending = true;
        }

        /** Reads what is there; false when the peer closed the connection or it broke. */
        boolean read() {
            try {
                in.compact();
                int read = channel.read(in);
                in.flip();
                return read >= 0;
            } catch (IOException e) {
                return false;
            }
        }

        /** The next complete text message in the buffer, or null; answers pings, fails on a close. */
        byte[] nextMessage() throws IOException {
            while (true) {
                if (in.remaining() < 2) {
                    return null;
                }
                int at = in.position();
                int b0 = in.get(at) & 0xff;
                int b1 = in.get(at + 1) & 0xff;
                int header = 2;
                long length = b1 & 0x7f;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        return null;
                    }
                    length = in.getShort(at + 2) & 0xffff;
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        return null;
                    }
                    length = in.getLong(at + 2);
                    header = 10;
                }
                if ((b1 & 0x80) != 0 || length > in.capacity() - header) {
                    throw new IOException("a masked or oversized server frame");
                }
                if (in.remaining() < header + length) {
                    return null;
                }
                byte[] payload = new byte[(int) length];
                in.position(at + header);
                in.get(payload);
                int opcode = b0 & 0x0f;
                boolean fin = (b0 & 0x80) != 0;
                switch (opcode) {
                    case 0x9 -> pong(payload);
                    case 0xA -> { }
                    case 0x8 -> {
                        error("the server closed a socket: "
                                + (payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : ""));
                        return null;
                    }
                    case 0x1, 0x0 -> {
                        if (fin && fragments.size() == 0) {
                            return payload;
                        }
                        fragments.write(payload);
                        if (fin) {
                            byte[] whole = fragments.toByteArray();
                            fragments.reset();
                            return whole;
                        }
                    }
                    default -> throw new IOException("unexpected opcode " + opcode);
                }
            }
        }

        /** The answer to the request in flight: same id, a successful tool result. */
        boolean answers(byte[] message) {
            byte[] idField = ("\"id\":" + id + ",").getBytes(StandardCharsets.US_ASCII);
            byte[] idLast = ("\"id\":" + id + "}").getBytes(StandardCharsets.US_ASCII);
            return (indexOf(message, idField, 0) >= 0 || indexOf(message, idLast, 0) >= 0)
                    && indexOf(message, SUCCESS, 0) >= 0;
        }

        private void pong(byte[] payload) throws IOException {
            ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
            frame.put((byte) 0x8A).put((byte) (0x80 | payload.length)).putInt(0);
            frame.put(payload).flip();
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }

        void close() {
            try {
                ByteBuffer frame = ByteBuffer.allocate(8);
                frame.put((byte) 0x88).put((byte) 0x82).putInt(0).putShort((short) 1000).flip();
                channel.write(frame);
                channel.close();
            } catch (IOException ignored) {
                // the run is over
            }
        }
    }
}
