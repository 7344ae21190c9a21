import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load over MCP WebSocket: each connection sends one JSON-RPC request, waits for its
 * answer, sends the next. Prints requests/s and latency percentiles.
 * Usage: java WsBench.java ws://localhost:4300/ws API_KEY CONNECTIONS SECONDS 'JSON-RPC with "id":0'
 */
public class WsBench {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        int connections = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String template = args[4];
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            WebSocket.Listener listener = new WebSocket.Listener() {
                int count;
                long sent;
                final StringBuilder partial = new StringBuilder();

                @Override
                public void onOpen(WebSocket socket) {
                    socket.request(1);
                    next(socket);
                }

                void next(WebSocket socket) {
                    if (System.nanoTime() > end || count == samples.length) {
                        samples[samples.length - 1] = count;
                        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                        finished.complete(null);
                        return;
                    }
                    sent = System.nanoTime();
                    socket.sendText(template.replace("\"id\":0", "\"id\":" + (count + 1)), true);
                }

                @Override
                public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                    if (!finished.isDone()) { // closed by the server before the end: counted, never waited for
                        errors.incrementAndGet();
                        samples[samples.length - 1] = count;
                        finished.complete(null);
                    }
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    if (!finished.isDone()) {
                        errors.incrementAndGet();
                        samples[samples.length - 1] = count;
                        finished.complete(null);
                    }
                }

                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        if (partial.indexOf("\"isError\":false") < 0) {
                            errors.incrementAndGet();
                        }
                        partial.setLength(0);
                        samples[count++] = System.nanoTime() - sent;
                        next(socket);
                    }
                    socket.request(1);
                    return null;
                }
            };
            http.newWebSocketBuilder().subprotocols("mcp").header("X-API-Key", key).buildAsync(uri, listener).join();
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(seconds + 60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("BENCH FAILED: some WebSockets neither answered nor closed within " + (seconds + 60) + " s");
            System.exit(1);
        }
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (long[] samples : latencies) {
            int count = (int) samples[samples.length - 1];
            total += count;
            for (int i = 0; i < count; i++) {
                all.add(samples[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("websocket: %d requests in %d s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                total, seconds, total / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, errors.get());
        if (errors.get() > 0) {
            System.err.println("BENCH FAILED: " + errors.get() + " answers were not a successful tool result");
            System.exit(1);
        }
    }
}
