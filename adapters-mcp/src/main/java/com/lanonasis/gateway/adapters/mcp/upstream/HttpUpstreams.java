package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * Streamable HTTP to an HTTP upstream with {@link java.net.http.HttpClient}: the client's message is
 * sent with the allowed headers, the identity headers and the upstream's own credential; the
 * upstream's answer (JSON or an SSE stream) is passed back chunk by chunk as it arrives, never
 * buffered whole. A refused or slow connection turns into a prompt JSON-RPC error.
 */
@Singleton
final class HttpUpstreams {

    private static final Logger LOG = LoggerFactory.getLogger(HttpUpstreams.class);

    private final HttpClient client;
    private final ProxySettings settings;
    private final UpstreamMetrics metrics;

    HttpUpstreams(ProxySettings settings, UpstreamMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    CompletableFuture<MutableHttpResponse<?>> forward(Upstream upstream, UpstreamTarget.Http target, String method,
                                                      HttpRequest<?> incoming, byte[] body, Object rpcId,
                                                      Principal caller, UnaryOperator<Flux<ReadBuffer>> whileValid) {
        java.net.http.HttpRequest.Builder outgoing = java.net.http.HttpRequest.newBuilder(target.url())
                .timeout(settings.requestTimeout())
                .method(method, body == null || body.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        incoming.getHeaders().forEach((name, values) -> {
            if (Forwarded.fromClient(name)) {
                values.forEach(value -> outgoing.header(name, value));
            }
        });
        Forwarded.added(upstream, caller).forEach(outgoing::header);
        long started = System.nanoTime();
        String name = upstream.name().value();
        return client.sendAsync(outgoing.build(), java.net.http.HttpResponse.BodyHandlers.ofPublisher())
                .handle((answer, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure != null) {
                        metrics.record(name, false, took);
                        return unreachable(upstream, rpcId, failure);
                    }
                    boolean refusedUs = answer.statusCode() == 401 || answer.statusCode() == 403;
                    metrics.record(name, answer.statusCode() < 500 && !refusedUs, took);
                    if (refusedUs) {
                        answer.body().subscribe(new Discard());
                        LOG.warn("upstream {} answered {} to the gateway: check its credential_header", name,
                                answer.statusCode());
                        return UpstreamErrors.rpcError(HttpStatus.BAD_GATEWAY, rpcId, UpstreamErrors.UPSTREAM_FAILED,
                                "upstream " + name + " refused the gateway (HTTP " + answer.statusCode() + ")");
                    }
                    return relay(incoming, answer, whileValid);
                });
    }

    private static MutableHttpResponse<?> relay(HttpRequest<?> incoming,
                                                java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer,
                                                UnaryOperator<Flux<ReadBuffer>> whileValid) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(answer.statusCode()));
        answer.headers().map().forEach((header, values) -> {
            if (Forwarded.FROM_UPSTREAM.contains(header.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> response.getHeaders().add(header, value));
            }
        });
        ByteBodyFactory bodies = ((ServerHttpRequest<?>) incoming).byteBodyFactory();
        Flux<ReadBuffer> chunks = whileValid.apply(JdkFlowAdapter.flowPublisherToFlux(answer.body())
                .concatMapIterable(buffers -> buffers)
                .map(buffer -> bodies.readBufferFactory().copyOf(buffer)));
        long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
        response.body(bodies.adapt(chunks, length >= 0 ? java.util.OptionalLong.of(length)
                : java.util.OptionalLong.empty()));
        return response;
    }

    private static MutableHttpResponse<?> unreachable(Upstream upstream, Object rpcId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String name = upstream.name().value();
        if (cause instanceof HttpConnectTimeoutException) {
            LOG.warn("upstream {}: connect timed out", name);
            return UpstreamErrors.rpcError(HttpStatus.GATEWAY_TIMEOUT, rpcId, UpstreamErrors.UPSTREAM_UNAVAILABLE,
                    "upstream " + name + " did not accept a connection in time");
        }
        if (cause instanceof HttpTimeoutException) {
            LOG.warn("upstream {}: no answer within the request timeout", name);
            return UpstreamErrors.rpcError(HttpStatus.GATEWAY_TIMEOUT, rpcId, UpstreamErrors.UPSTREAM_UNAVAILABLE,
                    "upstream " + name + " did not answer in time");
        }
        LOG.warn("upstream {} unreachable: {}", name, cause.toString());
        return UpstreamErrors.rpcError(HttpStatus.BAD_GATEWAY, rpcId, UpstreamErrors.UPSTREAM_UNAVAILABLE,
                "upstream " + name + " is unreachable" + (cause instanceof ConnectException ? " (connection refused)"
                        : ""));
    }

    /** Reads and drops a body nobody will see, so the connection is released. */
    private static final class Discard implements Flow.Subscriber<List<ByteBuffer>> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
