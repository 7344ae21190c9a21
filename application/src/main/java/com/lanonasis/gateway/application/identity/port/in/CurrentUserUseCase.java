package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface CurrentUserUseCase {

    Outcome<User> currentUser(Principal caller);
}
