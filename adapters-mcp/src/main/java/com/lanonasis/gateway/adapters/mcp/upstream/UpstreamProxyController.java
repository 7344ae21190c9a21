package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.adapters.mcp.security.OriginGuard;
import com.lanonasis.gateway.adapters.mcp.security.UpstreamCallers;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;

/**
 * {@code /servers/<name>/mcp}: an upstream MCP server behind the gateway. Each request is
 * authenticated for that upstream alone ({@link UpstreamCallers}), then relayed to it: over HTTP
 * (Streamable HTTP, streamed both ways) or to the stdio child of its MCP session. The client's
 * credential never reaches the upstream.
 */
@Controller("/servers/{name}/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
final class UpstreamProxyController {

    private static final long MAX_MESSAGE_BYTES = 4L * 1024 * 1024;

    private final UseUpstreamUseCase upstreams;
    private final UpstreamCallers callers;
    private final HttpUpstreams http;
    private final StdioUpstreams stdio;
    private final JsonMapper json;
    private final OriginGuard guard;

    UpstreamProxyController(UseUpstreamUseCase upstreams, UpstreamCallers callers, HttpUpstreams http,
                            StdioUpstreams stdio, JsonMapper json, OriginGuard guard) {
        this.guard = guard;
        this.upstreams = upstreams;
        this.callers = callers;
        this.http = http;
        this.stdio = stdio;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> post(HttpRequest<?> request, @PathVariable String name,
                                                   @Nullable @Body byte[] body) {
        Upstream upstream = find(request, name);
        Principal caller = callers.require(request, upstream);
        if (body == null || body.length == 0) {
            return done(UpstreamErrors.rpcError(HttpStatus.BAD_REQUEST, null, -32600, "empty request body"));
        }
        if (body.length > MAX_MESSAGE_BYTES) {
            return done(UpstreamErrors.rpcError(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, -32600,
                    "message larger than " + MAX_MESSAGE_BYTES + " bytes"));
        }
        Object message = parse(body);
        if (message == null) {
            return done(UpstreamErrors.rpcError(HttpStatus.BAD_REQUEST, null, -32700, "parse error: not JSON"));
        }
        Object rpcId = message instanceof Map<?, ?> map ? map.get("id") : null;
        if (upstream.target() instanceof UpstreamTarget.Http target) {
            return http.forward(upstream, target, "POST", request, body, rpcId, caller, whileValid(request, upstream));
        }
        return stdio.post(upstream, (UpstreamTarget.Stdio) upstream.target(), request, body, message, caller);
    }

    @Get(produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> listen(HttpRequest<?> request, @PathVariable String name) {
        Upstream upstream = find(request, name);
        Principal caller = callers.require(request, upstream);
        if (upstream.target() instanceof UpstreamTarget.Http target) {
            return http.forward(upstream, target, "GET", request, null, null, caller, whileValid(request, upstream));
        }
        return stdio.listen(upstream, request, caller, whileValid(request, upstream));
    }

    @Delete(produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> end(HttpRequest<?> request, @PathVariable String name) {
        Upstream upstream = find(request, name);
        Principal caller = callers.require(request, upstream);
        if (upstream.target() instanceof UpstreamTarget.Http target) {
            return http.forward(upstream, target, "DELETE", request, null, null, caller, UnaryOperator.identity());
        }
        return done(stdio.end(upstream, request, caller));
    }

    /** Streamed answers end when the credential that opened them is revoked or expires. */
    private UnaryOperator<Flux<ReadBuffer>> whileValid(HttpRequest<?> request, Upstream upstream) {
        return stream -> callers.untilCredentialLost(request, upstream, stream);
    }

    private Upstream find(HttpRequest<?> request, String name) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            throw new UpstreamRefusedOrigin(refusal);
        }
        return upstreams.enabled(name).orElseThrow(() -> new UpstreamNotFound(name));
    }

    private Object parse(byte[] body) {
        try {
            return json.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static CompletableFuture<MutableHttpResponse<?>> done(MutableHttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
