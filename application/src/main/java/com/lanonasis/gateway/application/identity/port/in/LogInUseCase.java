package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;

public interface LogInUseCase {

    /** A signed user token; {@code InvalidCredentials} alike for an unknown email and a wrong password. */
    Outcome<UserSession> logIn(LogIn logIn);
}
