package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;

/** Browser sign-in for the login, consent and device pages. */
public interface WebSessionUseCase {

    /**
     * A new session for valid credentials. The previous session, if any, ends: the id always
     * changes at sign-in, so a planted id is worthless.
     */
    default Outcome<NewWebSession> signIn(LogIn logIn, String previousSessionId) {
        return signIn(logIn, previousSessionId, null);
    }

    /**
     * @param userAgent the browser's {@code User-Agent}, kept with the session so its owner can
     *                  recognise it in their list of sessions (the client address is {@link LogIn#from()})
     */
    Outcome<NewWebSession> signIn(LogIn logIn, String previousSessionId, String userAgent);

    void signOut(String sessionId);
}
