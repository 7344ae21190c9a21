import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds SUBSCRIBERS live connections to GET /api/v1/events (USERS users, SUBSCRIBERS/USERS each),
 * then writes memories at RATE per second for SECONDS and measures, for every delivery, the time
 * from just before the write to the event's arrival at a subscriber (fan-out latency).
 * Usage: java SseBench.java http://localhost:4400 USERS SUBSCRIBERS RATE SECONDS
 */
public class SseBench {

    static final Pattern FIELD = Pattern.compile("\"(key|access_token|title)\":\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        int subscribers = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String body = "{\"email\":\"sse-" + u + "-" + System.nanoTime() + "@bench.example\",\"password\":\"bench password 1\"}";
            send(http, base, "/v1/auth/register", body, null);
            String token = field(send(http, base, "/v1/auth/login", body, null), "access_token");
            keys.add(field(send(http, base, "/api/v1/auth/api-keys", "{\"name\":\"sse\"}", "Bearer " + token), "key"));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger open = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(subscribers);
        long connectStarted = System.nanoTime();
        for (int s = 0; s < subscribers; s++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/events"))
                    .header("X-API-Key", keys.get(s % users)).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    open.incrementAndGet();
                    connected.countDown();
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    int at = line.indexOf("\"title\":\"t");
                    if (line.startsWith("data:") && at > 0) {
                        long sent = Long.parseLong(line.substring(at + 10, line.indexOf('"', at + 10)));
                        latencies.add(System.nanoTime() - sent);
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    open.decrementAndGet();
                }

                @Override
                public void onComplete() {
                    open.decrementAndGet();
                }
            }));
            if (s % 500 == 499) {
                Thread.sleep(50);
            }
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            System.out.println("only " + (subscribers - connected.getCount()) + " subscribers connected");
        }
        System.out.printf("%d subscribers connected in %.1f s%n", open.get(), (System.nanoTime() - connectStarted) / 1e9);
        Thread.sleep(2000);
        int events = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int e = 0; e < events; e++) {
            String key = keys.get(e % users);
            String title = "t" + System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/memory")).header("X-API-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"content\":\"fan-out\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        Thread.sleep(3000);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int expected = events * (subscribers / users);
        System.out.printf("events %d, deliveries %d of %d expected, still open %d%n", events, sorted.length, expected,
                open.get());
        if (sorted.length > 0) {
            System.out.printf("fan-out latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
        }
        System.exit(0);
    }

    static String send(HttpClient http, URI base, String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }
}
