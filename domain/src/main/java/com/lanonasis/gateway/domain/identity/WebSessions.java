package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.SecretHash;
import java.util.Optional;

/** Outgoing port: browser sessions. */
public interface WebSessions {

    void add(WebSession session);

    Optional<WebSession> find(SecretHash idHash);

    void remove(SecretHash idHash);
}
