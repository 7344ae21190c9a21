package com.lanonasis.gateway.adapters.mcp.protocol;

import com.lanonasis.gateway.adapters.mcp.config.McpSettings;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live sessions of this instance. Ids are 128 random bits; an idle session is forgotten
 * after the configured time and its id then answers 404, as an ended one does. One user holds at
 * most {@code onasis.mcp.max-sessions-per-user}: opening one more ends that user's least recently
 * used session (whose id then answers 404 and whose streams and socket close).
 */
@Singleton
public final class McpSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, McpSession> live = new ConcurrentHashMap<>();
    private final Map<String, Consumer<McpSession>> onEnd = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxPerUser;

    McpSessions(Clock clock, McpSettings settings) {
        this.clock = clock;
        this.idleTimeout = settings.sessionIdleTimeout();
        this.maxPerUser = settings.maxSessionsPerUser();
    }

    public McpSession open(Principal opener) {
        List<McpSession> owned = live.values().stream().filter(session -> session.owner().equals(opener.userId()))
                .sorted(Comparator.comparing(McpSession::lastSeen)).toList();
        owned.stream().limit(Math.max(0, owned.size() - maxPerUser + 1)).map(McpSession::id).forEach(this::end);
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        McpSession session = new McpSession(HexFormat.of().formatHex(bits), opener, clock.instant());
        live.put(session.id(), session);
        return session;
    }

    /** The session with this id if it is live and belongs to this caller; anything else looks unknown. */
    public Optional<McpSession> find(String id, Principal caller) {
        McpSession session = id == null ? null : live.get(id);
        if (session == null || !session.ownedBy(caller)) {
            return Optional.empty();
        }
        session.touch(clock.instant());
        return Optional.of(session);
    }

    /** Runs {@code cleanup} when the session ends, however it ends. */
    public void whenEnded(McpSession session, Consumer<McpSession> cleanup) {
        onEnd.merge(session.id(), cleanup, Consumer::andThen);
    }

    public boolean end(String id) {
        McpSession session = live.remove(id);
        Consumer<McpSession> cleanup = onEnd.remove(id);
        if (session != null && cleanup != null) {
            cleanup.accept(session);
        }
        return session != null;
    }

    public int count() {
        return live.size();
    }

    @Scheduled(fixedDelay = "1m")
    void forgetIdle() {
        var cutoff = clock.instant().minus(idleTimeout);
        live.values().stream().filter(session -> session.idleSince(cutoff)).map(McpSession::id).toList()
                .forEach(this::end);
    }
}
