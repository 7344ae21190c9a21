package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.lanonasis.gateway.application.requestlog.port.in.RecordRequestUseCase;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Request timings for /metrics, and one log line per request on logger {@code onasis.access}: method, route template (never the
 * raw path with its ids, never the query string), status, duration, who called (user, OAuth
 * client, API key id — ids only, never a credential) and the request id. With the JSON log
 * format these are fields of the line. Each request is also handed to the request log
 * ({@code onasis.request-log.enabled}), which queues it and never slows or fails the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class AccessLogFilter implements Ordered {

    private static final String STARTED = "onasis.started-nanos";
    private static final Logger LOG = LoggerFactory.getLogger("onasis.access");

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final RecordRequestUseCase requestLog;
    private final ClientAddress addresses;
    private final boolean recording;

    AccessLogFilter(@Nullable MeterRegistry meters, RecordRequestUseCase requestLog, ClientAddress addresses,
                    @Value("${onasis.request-log.enabled:true}") boolean recording) {
        this.meters = meters;
        this.requestLog = requestLog;
        this.addresses = addresses;
        this.recording = recording;
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long nanos = System.nanoTime() - request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
        if (meters != null) {
            time(request.getMethodName(), route, response.code(), nanos);
        }
        Principal caller = RequestAttributes.CALLER.get(request).orElse(null);
        if (recording) {
            record(request, response, route, nanos, caller);
        }
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double millis = nanos / 1_000_000.0;
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("route", route)
                .addKeyValue("status", response.code())
                .addKeyValue("duration_ms", Math.round(millis * 100) / 100.0)
                .addKeyValue("request_id", RequestIds.of(request));
        if (caller != null) {
            line = line.addKeyValue("user_id", caller.userId().toString());
            if (caller.clientId() != null) {
                line = line.addKeyValue("client_id", caller.clientId());
            }
            if (caller.via() == CredentialKind.API_KEY) {
                line = line.addKeyValue("api_key_id", caller.credentialId());
            }
        }
        line.log("{} {} {} {}ms", request.getMethodName(), route, response.code(), Math.round(millis));
    }

    /**
     * The request log's record: the route template (never the path or its query string, which may
     * carry a code or a token), the Host and User-Agent headers, never Authorization or cookies.
     */
    private void record(HttpRequest<?> request, MutableHttpResponse<?> response, String route, long nanos,
                        Principal caller) {
        try {
            requestLog.record(new RequestRecord(Instant.now(), RequestIds.of(request), request.getMethodName(),
                    route, response.code(), nanos / 1000, addresses.of(request), request.getHeaders().get("Host"),
                    request.getHeaders().get("User-Agent"), caller == null ? null : caller.userId().toString(),
                    caller == null ? null : caller.clientId()));
        } catch (RuntimeException e) {
            LOG.debug("request not recorded: {}", e.toString());
        }
    }

    /**
     * {@code onasis_http_requests_seconds{method, route, status}}: one timer per combination, looked
     * up once (registering a meter per request cost a quarter of a light endpoint's throughput).
     */
    private void time(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("onasis.http.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method).tag("route", route).tag("status", String.valueOf(status))
                .register(meters)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
