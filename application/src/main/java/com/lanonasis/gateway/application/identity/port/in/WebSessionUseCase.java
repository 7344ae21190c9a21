package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;

/** Browser sign-in for the login, consent and device pages. */
public interface WebSessionUseCase {

    /**
     * A new session for valid credentials. The previous session, if any, ends: the id always
     * changes at sign-in, so a planted id is worthless.
     */
    Outcome<NewWebSession> signIn(LogIn logIn, String previousSessionId);

    void signOut(String sessionId);
}
