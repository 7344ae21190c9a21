package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per request on logger {@code onasis.access}: method, route template (never the
 * raw path with its ids, never the query string), status, duration, who called (user, OAuth
 * client, API key id — ids only, never a credential) and the request id. With the JSON log
 * format these are fields of the line.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class AccessLogFilter implements Ordered {

    /** Where the security adapters leave the verified caller of a request. */
    public static final String CALLER = "onasis.caller";
    private static final String STARTED = "onasis.started-nanos";
    private static final Logger LOG = LoggerFactory.getLogger("onasis.access");

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        Principal caller = request.getAttribute(CALLER, Principal.class).orElse(null);
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
        double millis = (System.nanoTime() - started) / 1_000_000.0;
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

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
