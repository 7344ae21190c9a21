package com.lanonasis.gateway.adapters.mcp.server;

import com.lanonasis.gateway.adapters.mcp.config.McpSettings;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code requestState} of an InputRequiredResult (2026-07-28, SEP-2322): what a tool wants
 * back on the client's next round, signed (HMAC-SHA256) so the client can carry it but not change
 * it, bound to the caller and to the tool or prompt, and valid for 10 minutes. Every instance that
 * shares {@code onasis.mcp.request-state-key} accepts the state any of them issued; without the
 * setting each instance has a random key of its own (fine for one instance).
 */
@Singleton
public final class RequestStates {

    private static final Logger LOG = LoggerFactory.getLogger(RequestStates.class);
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final McpJson json;
    private final Clock clock;

    @Inject
    RequestStates(McpSettings settings, McpJson json) {
        this(settings.requestStateKey(), json, Clock.systemUTC());
    }

    RequestStates(String configured, McpJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
        if (configured == null || configured.isBlank()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
            LOG.info("onasis.mcp.request-state-key is not set: MCP requestState is signed with a key of this "
                    + "instance only; set ONASIS_MCP_REQUEST_STATE_KEY on every instance behind one load balancer");
        } else {
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The opaque string a client echoes: the state, who it is for and what it continues, signed. */
    String issue(Map<String, Object> state, String caller, String operation) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", caller);
        payload.put("op", operation);
        payload.put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
        payload.put("st", state);
        String body = B64.encodeToString(json.write(payload).getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /**
     * The state of a requestState this server issued for this caller and operation and that has
     * not expired; anything else (changed, someone else's, another tool's, too old) is refused
     * with -32602, before the tool runs.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> verify(Object requestState, String caller, String operation) {
        if (!(requestState instanceof String text)) {
            throw McpException.invalidParams("Invalid params: requestState must be the string the server issued");
        }
        int dot = text.indexOf('.');
        Optional<Map<String, Object>> payload = Optional.empty();
        if (dot > 0) {
            String body = text.substring(0, dot);
            try {
                byte[] signature = B64D.decode(text.substring(dot + 1));
                if (MessageDigest.isEqual(signature, mac(body))
                        && json.read(B64D.decode(body)) instanceof Map<?, ?> map) {
                    payload = Optional.of((Map<String, Object>) map);
                }
            } catch (IllegalArgumentException | McpException e) {
                payload = Optional.empty();
            }
        }
        Map<String, Object> checked = payload.filter(p -> caller.equals(p.get("sub")) && operation.equals(p.get("op"))
                && p.get("exp") instanceof Number exp && exp.longValue() >= clock.instant().getEpochSecond())
                .orElseThrow(() -> McpException.invalidParams(
                        "Invalid params: requestState failed its integrity check or has expired; start again without it"));
        return checked.get("st") instanceof Map<?, ?> state ? (Map<String, Object>) state : Map.of();
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
