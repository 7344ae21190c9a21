package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import java.time.Duration;

public record UserSession(SignedToken accessToken, Duration expiresIn, User user) {
}
