package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;
import java.util.List;

/** Lets holders of the platform's login JWTs move to OAuth tokens. */
public interface LegacyBridgeUseCase {

    Outcome<User> introspect(String legacyToken);

    /** An OAuth token pair for the token's user and the named client. */
    OAuthResult<TokenResponse> exchange(String legacyToken, String clientId, String scope, List<String> resources);
}
