package com.lanonasis.gateway.adapters.mcp.protocol;

import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MCP session: what initialize negotiated, bound to the user and OAuth client that opened it
 * (never to a token, so a refreshed token keeps the session). The id is not a credential: every
 * request is authenticated on its own and must come from the same user and client.
 */
public final class McpSession {

    private final String id;
    private final UserId owner;
    private final String clientId;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Map<String, Object>>> awaiting = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile String protocolVersion = ProtocolVersions.LATEST;
    private volatile Map<String, Object> clientCapabilities = Map.of();
    private volatile LogLevel logLevel = LogLevel.INFO;
    private volatile boolean initialized;
    private volatile Instant lastSeen;

    public McpSession(String id, Principal opener, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = opener.userId();
        this.clientId = opener.clientId();
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    /** Same user through the same client (API keys and legacy tokens have no client). */
    public boolean ownedBy(Principal caller) {
        return owner.equals(caller.userId()) && Objects.equals(clientId, caller.clientId());
    }

    public UserId owner() {
        return owner;
    }

    public void initialize(String version, Map<String, Object> capabilities) {
        this.protocolVersion = version;
        this.clientCapabilities = capabilities == null ? Map.of() : capabilities;
        this.initialized = true;
    }

    public boolean initialized() {
        return initialized;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public boolean clientCan(String capability) {
        return clientCapabilities.get(capability) instanceof Map;
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public void logLevel(LogLevel level) {
        this.logLevel = level;
    }

    public Set<String> subscriptions() {
        return subscriptions;
    }

    public void touch(Instant now) {
        lastSeen = now;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public boolean idleSince(Instant cutoff) {
        return lastSeen.isBefore(cutoff);
    }

    /**
     * Sends a request to the client on {@code outbound} and waits for its answer, which arrives
     * through {@link #answer(Map)} from whatever connection the client posts it on.
     */
    public Map<String, Object> ask(Outbound outbound, String method, Object params, Duration timeout) {
        String requestId = id + "-" + requestIds.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        awaiting.put(requestId, reply);
        try {
            outbound.send(JsonRpc.request(requestId, method, params));
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new McpException(JsonRpc.INTERNAL_ERROR, "the client did not answer " + method + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException(JsonRpc.INTERNAL_ERROR, "interrupted while waiting for the client");
        } catch (ExecutionException e) {
            throw new McpException(JsonRpc.INTERNAL_ERROR, "the client's answer was lost");
        } finally {
            awaiting.remove(requestId);
        }
    }

    /** A response from the client; false when nothing here was waiting for it. */
    public boolean answer(Map<String, Object> response) {
        CompletableFuture<Map<String, Object>> waiting = awaiting.get(String.valueOf(response.get("id")));
        return waiting != null && waiting.complete(response);
    }

    /** RFC 5424 levels as MCP names them, in order of severity. */
    public enum LogLevel {
        DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static LogLevel parse(Object name) {
            for (LogLevel level : values()) {
                if (level.wireName().equals(name)) {
                    return level;
                }
            }
            throw McpException.invalidParams("level must be one of debug, info, notice, warning, error, critical, "
                    + "alert, emergency");
        }
    }
}
