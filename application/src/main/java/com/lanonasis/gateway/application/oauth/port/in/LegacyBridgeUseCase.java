package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;
import java.util.List;

/** Lets holders of the platform's login JWTs move to OAuth tokens. */
public interface LegacyBridgeUseCase {

    Outcome<User> introspect(String legacyToken);

    /**
     * An OAuth token pair for the token's user and the client, which must authenticate as at the
     * token endpoint (public: its id; confidential: its secret) and be allowed a user grant
     * ({@code authorization_code} or the device grant). The refresh grant ends when the login token
     * would have: exchanging never lengthens a login.
     */
    OAuthResult<TokenResponse> exchange(String legacyToken, ClientAuthentication client, String scope,
                                        List<String> resources);
}
