package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.identity.WebSession;
import java.util.Objects;

/** A browser session as its owner (or an administrator) sees it; {@code current} when it made this request. */
public record ListedSession(WebSession session, boolean current) {

    public ListedSession {
        Objects.requireNonNull(session, "session");
    }

    /** The id to name it by: {@link WebSession#publicId()}, never the cookie or its hash. */
    public String id() {
        return session.publicId();
    }
}
