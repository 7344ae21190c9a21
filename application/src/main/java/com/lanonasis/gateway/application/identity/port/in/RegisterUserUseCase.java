package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;

public interface RegisterUserUseCase {

    /** The new user; {@code Invalid} with field errors, or {@code Conflict("email_taken")}. */
    Outcome<User> register(Registration registration);
}
