package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "onasis.oauth.code-lifetime", value = "1s")
class ExpiredCodeTest extends OAuthTestSupport {

    @Test
    void expiredCodeIsInvalidGrant() throws Exception {
        Authorized authorized = authorizeThroughPages(new Browser(base), new Scope("memories:read"));

        Thread.sleep(1_200);

        assertEquals(OAuth2Error.INVALID_GRANT, redeem(CLI, authorized).toErrorResponse().getErrorObject());
    }
}
