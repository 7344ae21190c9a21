package com.lanonasis.gateway.domain.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepUpAndPollingRulesTest {

    private static final Scopes OPEN = Scopes.parseSpaceDelimited("memories:read memories:write memories:delete");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aDynamicClientMayAskBeyondWhatItRegisteredButNotBeyondWhatIsOpen() {
        OAuthClient dynamic = client(new MachineSecret("registration-token-registration-token").hash());

        assertTrue(dynamic.mayAskFor(Scopes.parseSpaceDelimited("memories:read memories:delete"), OPEN));
        assertFalse(dynamic.mayAskFor(Scopes.parseSpaceDelimited("memories:read admin"), OPEN));
    }

    @Test
    void aConfiguredClientAsksWithinItsScopes() {
        OAuthClient configured = client(null);

        assertTrue(configured.mayAskFor(Scopes.parseSpaceDelimited("memories:read"), OPEN));
        assertFalse(configured.mayAskFor(Scopes.parseSpaceDelimited("memories:delete"), OPEN));
    }

    @Test
    void aPollAtTheIntervalIsOnTimeEvenALittleEarlyButAQuickOneIsTooSoon() {
        DeviceAuthorization polled = device(Duration.ofSeconds(5)).polledAt(NOW, Duration.ofSeconds(5));

        assertFalse(polled.tooSoon(NOW.plusSeconds(5)));
        assertFalse(polled.tooSoon(NOW.plusMillis(4_200)), "up to a second early (network jitter)");
        assertTrue(polled.tooSoon(NOW.plusMillis(3_900)));
        assertTrue(polled.tooSoon(NOW.plusMillis(100)));
        DeviceAuthorization fast = device(Duration.ofSeconds(1)).polledAt(NOW, Duration.ofSeconds(1));
        assertFalse(fast.tooSoon(NOW.plusMillis(850)), "a fifth of a short interval");
        assertTrue(fast.tooSoon(NOW.plusMillis(700)));
    }

    @Test
    void userInfoInARedirectIsSeen() {
        assertTrue(new RedirectUri("https://good.example@evil.example/cb").hasUserInfo());
        assertFalse(new RedirectUri("https://good.example/cb").hasUserInfo());
    }

    private static OAuthClient client(com.lanonasis.gateway.domain.shared.SecretHash registrationToken) {
        return new OAuthClient("c", "An app", ClientAuthMethod.NONE, null,
                List.of(new RedirectUri("http://127.0.0.1/callback")), Set.of(GrantType.AUTHORIZATION_CODE),
                Scopes.parseSpaceDelimited("memories:read"), registrationToken, NOW);
    }

    private static DeviceAuthorization device(Duration interval) {
        return new DeviceAuthorization(new MachineSecret("device-code-device-code-device-code").hash(), "BCDF-GHJK", "c",
                Scopes.parseSpaceDelimited("memories:read"), List.of(), DeviceAuthorization.Status.PENDING, null,
                NOW.plusSeconds(600), interval, null);
    }
}
