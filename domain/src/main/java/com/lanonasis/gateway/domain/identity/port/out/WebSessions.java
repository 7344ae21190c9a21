package com.lanonasis.gateway.domain.identity.port.out;

import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: browser sessions. */
public interface WebSessions {

    void add(WebSession session);

    Optional<WebSession> find(SecretHash idHash);

    void remove(SecretHash idHash);

    /** The user's live sessions, newest first. */
    List<WebSession> ofUser(UserId user);

    /** Records that the live session was used at {@code at} (keeps its expiry); nothing when it is gone. */
    void seen(SecretHash idHash, Instant at);
}
