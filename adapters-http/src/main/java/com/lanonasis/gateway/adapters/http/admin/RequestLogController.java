package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.shared.EventStreams;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.requestlog.port.in.ReadRequestLogUseCase;
import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The request log for administrators, as the proxy seed had it: {@code /api/v1/logs} with filters
 * (and the seed's {@code /ip/{ip}}, {@code /client/{id}}, {@code /errors}, {@code /search}), hourly
 * statistics, and a live tail as Server-Sent Events. Every call needs the admin scope and the admin
 * role at that moment; the tail checks both again every {@code onasis.credentials.recheck-period}.
 */
@Controller("/api/v1/logs")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RequestLogController {

    static final int DEFAULT_LIMIT = 100;
    private static final int PENDING_LIMIT = 1000;

    private final ReadRequestLogUseCase log;
    private final Callers callers;
    private final JsonMapper json;
    private final Duration recheck;

    RequestLogController(ReadRequestLogUseCase log, Callers callers, JsonMapper json,
                         @Value("${onasis.credentials.recheck-period:5s}") Duration recheck) {
        this.log = log;
        this.callers = callers;
        this.json = json;
        this.recheck = recheck;
    }

    @Get(uris = {"/", "/search"})
    HttpResponse<LogPage> search(HttpRequest<?> request, @Nullable @QueryValue String ip,
                                 @Nullable @QueryValue String client, @Nullable @QueryValue String user,
                                 @Nullable @QueryValue String status, @Nullable @QueryValue String errors,
                                 @Nullable @QueryValue String slow, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                                 @Nullable @QueryValue String limit) {
        return page(request, query(ip, client, user, status, errors, slow, from, to, page, limit));
    }

    @Get("/ip/{ip}")
    HttpResponse<LogPage> byAddress(HttpRequest<?> request, @PathVariable String ip,
                                    @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String page, @Nullable @QueryValue String limit) {
        return page(request, query(ip, null, null, null, null, null, from, to, page, limit));
    }

    @Get("/client/{id}")
    HttpResponse<LogPage> byClient(HttpRequest<?> request, @PathVariable String id,
                                   @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                   @Nullable @QueryValue String page, @Nullable @QueryValue String limit) {
        return page(request, query(null, id, null, null, null, null, from, to, page, limit));
    }

    /** Server errors (status 500 and above) by default; {@code ?errors=400} includes client errors. */
    @Get("/errors")
    HttpResponse<LogPage> errors(HttpRequest<?> request, @Nullable @QueryValue String errors,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                 @Nullable @QueryValue String page, @Nullable @QueryValue String limit) {
        return page(request, query(null, null, null, null, errors == null ? "500" : errors, null, from, to, page,
                limit));
    }

    @Get("/stats/hourly")
    HttpResponse<HourlyPage> hourly(HttpRequest<?> request, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to) {
        Instant start = AdminQueries.instant("from", from);
        Instant end = AdminQueries.instant("to", to);
        Principal caller = callers.require(request);
        List<HourlyRequests> hours = AdminQueries.valid(() -> Rejections.valueOf(log.hourly(caller, start, end)));
        return AdminQueries.noStore(new HourlyPage(hours.stream().map(HourView::of).toList()));
    }

    /**
     * Every request this instance records from now on (filters as for the search), one
     * {@code request} event each; a comment every 15 s keeps the connection open. Records a slow
     * reader cannot take (1 000 pending) are skipped, not queued. Ends with a {@code closed} event
     * once the credential is revoked or expired, or the caller is no longer an administrator.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<Flux<Event<String>>> stream(HttpRequest<?> request, @Nullable @QueryValue String ip,
                                             @Nullable @QueryValue String client, @Nullable @QueryValue String user,
                                             @Nullable @QueryValue String status, @Nullable @QueryValue String errors,
                                             @Nullable @QueryValue String slow) {
        RequestLogQuery filter = query(ip, client, user, status, errors, slow, null, null, null, null);
        Principal caller = callers.require(request);
        Sinks.Many<Event<String>> sink = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<>(PENDING_LIMIT));
        ReadRequestLogUseCase.Tail tail = Rejections.valueOf(log.tail(caller, record -> {
            if (filter.matches(record)) {
                Event<String> event = Event.of(write(RecordView.of(record))).name("request");
                synchronized (sink) {
                    sink.tryEmitNext(event);
                }
            }
        }));
        Runnable credentialWatch = callers.watch(request, reason -> close(sink, reason));
        // the check looks the caller up (blocking I/O): on the bounded-elastic scheduler, not the parallel one
        Flux<Event<String>> checks = Flux.interval(recheck, Schedulers.boundedElastic()).flatMap(tick -> {
            if (!stillAdmin(request)) {
                close(sink, "not an administrator");
            }
            return Flux.<Event<String>>empty();
        });
        Flux<Event<String>> records = sink.asFlux().doFinally(signal -> {
            tail.stop();
            credentialWatch.run();
        });
        return EventStreams.response(EventStreams.framed(records, "", checks));
    }

    private boolean stillAdmin(HttpRequest<?> request) {
        try {
            return log.mayRead(callers.require(request));
        } catch (ApiException e) {
            return false;
        } catch (RuntimeException e) {
            return true; // a store outage is not a demotion: checked again next period
        }
    }

    private static void close(Sinks.Many<Event<String>> sink, String reason) {
        synchronized (sink) {
            sink.tryEmitNext(Event.of("{\"reason\":\"" + reason + "\"}").name("closed"));
            sink.tryEmitComplete();
        }
    }

    private HttpResponse<LogPage> page(HttpRequest<?> request, RequestLogQuery query) {
        List<RequestRecord> found = Rejections.valueOf(log.query(callers.require(request), query));
        return AdminQueries.noStore(new LogPage(found.stream().map(RecordView::of).toList(), query.page(),
                query.limit()));
    }

    private static RequestLogQuery query(String ip, String client, String user, String status, String errors,
                                         String slow, String from, String to, String page, String limit) {
        Integer exactStatus = status == null || status.isBlank() ? null : AdminQueries.integer("status", status, 0);
        Integer minStatus = minStatus(errors);
        Long slowMillis = slow == null || slow.isBlank() ? null : (long) AdminQueries.integer("slow", slow, 0);
        Instant start = AdminQueries.instant("from", from);
        Instant end = AdminQueries.instant("to", to);
        int pageNumber = AdminQueries.integer("page", page, 1);
        int size = AdminQueries.integer("limit", limit, DEFAULT_LIMIT);
        return AdminQueries.valid(() -> new RequestLogQuery(AdminQueries.text(ip), AdminQueries.text(client),
                AdminQueries.text(user), exactStatus, minStatus, slowMillis, start, end, pageNumber, size));
    }

    /** {@code errors=true} or {@code 500}: server errors; {@code errors=400}: client and server errors. */
    private static Integer minStatus(String errors) {
        if (errors == null || errors.isBlank() || errors.strip().equalsIgnoreCase("false")) {
            return null;
        }
        return switch (errors.strip().toLowerCase(Locale.ROOT)) {
            case "true", "500", "5xx" -> 500;
            case "400", "4xx", "all" -> 400;
            default -> throw AdminQueries.invalid("errors", "errors must be true, 500 or 400");
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RecordView(String at, @JsonProperty("request_id") String requestId, String method, String route,
                      int status, @JsonProperty("duration_ms") double durationMillis,
                      @JsonProperty("client_address") String clientAddress, String host,
                      @JsonProperty("user_agent") String userAgent, @JsonProperty("user_id") String userId,
                      @JsonProperty("client_id") String clientId) {

        static RecordView of(RequestRecord record) {
            return new RecordView(record.at().toString(), record.requestId(), record.method(), record.route(),
                    record.status(), record.durationMicros() / 1000.0, record.clientAddress(), record.host(),
                    record.userAgent(), record.userId(), record.clientId());
        }
    }

    @Serdeable
    record LogPage(List<RecordView> requests, int page, int limit) {
    }

    @Serdeable
    record HourView(String hour, long requests, long errors, @JsonProperty("client_errors") long clientErrors,
                    @JsonProperty("unique_addresses") long uniqueAddresses) {

        static HourView of(HourlyRequests hour) {
            return new HourView(hour.hour().toString(), hour.requests(), hour.errors(), hour.clientErrors(),
                    hour.uniqueAddresses());
        }
    }

    @Serdeable
    record HourlyPage(List<HourView> hours) {
    }
}
