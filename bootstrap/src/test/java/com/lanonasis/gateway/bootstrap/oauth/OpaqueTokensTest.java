package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The configuration choice of opaque access tokens: usable, and revocable like JWTs. */
@MicronautTest
@Property(name = "onasis.oauth.access-token-format", value = "opaque")
class OpaqueTokensTest extends OAuthTestSupport {

    @Test
    void opaqueTokenWorksAndIsRevocable() throws Exception {
        Authorized authorized = authorizeThroughPages(new Browser(base), new Scope("memories:read"));
        AccessToken token = redeem(CLI, authorized).toSuccessResponse().getTokens().getAccessToken();
        assertFalse(token.getValue().contains("."), "not a JWT");
        assertEquals(200, restGet("/api/v1/memory", token.getValue()).statusCode());

        assertEquals(200, new TokenRevocationRequest(endpoint("/oauth/revoke"), CLI, token).toHTTPRequest().send()
                .getStatusCode());

        assertEquals(401, restGet("/api/v1/memory", token.getValue()).statusCode());
    }
}
