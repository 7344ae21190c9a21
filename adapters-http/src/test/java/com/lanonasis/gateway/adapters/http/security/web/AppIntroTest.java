package com.lanonasis.gateway.adapters.http.security.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the consent page introduces a client identified by its metadata document. */
class AppIntroTest {

    private static OAuthClient documentClient(String name) {
        return new OAuthClient("https://App.Example.com/oauth/client.json", name, ClientAuthMethod.NONE, null,
                List.of(new RedirectUri("https://app.example.com/cb")), Set.of(GrantType.AUTHORIZATION_CODE),
                Scopes.parseSpaceDelimited("memories:read"), null, Instant.EPOCH);
    }

    @Test
    void theHostComesFirstAndTheNameIsTheAppsOwnClaimWithoutDeceptiveCharacters() {
        String intro = AppIntro.of(documentClient("Trusted\u202Eetoner\u2066 <b>app</b>"), Set.of());

        assertTrue(intro.startsWith("<p><strong>app.example.com</strong> — identified by its web address"), intro);
        assertTrue(intro.contains("calling itself <strong>Trustedetoner &lt;b&gt;app&lt;/b&gt;</strong>"), intro);
        assertFalse(intro.contains("\u202E") || intro.contains("\u2066"), intro);
        assertTrue(intro.contains("Unverified app"), intro);
    }

    @Test
    void aTrustedHostHasNoUnverifiedNotice() {
        String intro = AppIntro.of(documentClient("Example"), Set.of("app.example.com"));

        assertTrue(intro.contains("<strong>app.example.com</strong>"), intro);
        assertFalse(intro.contains("Unverified app"), intro);
        assertTrue(AppIntro.of(documentClient("Example"), Set.of("other.example")).contains("Unverified app"));
    }
}
