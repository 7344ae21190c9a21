package com.lanonasis.gateway.domain.upstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpstreamPolicyTest {

    private static Principal caller(String email, String scopes) {
        return new Principal(new UserId(UUID.randomUUID()), email, Role.USER, Scopes.parseSpaceDelimited(scopes),
                CredentialKind.OAUTH_TOKEN, "t", "c", List.of());
    }

    @Test
    void emailPatternsMatchWholeAddressesIgnoringCase() {
        UpstreamPolicy staff = new UpstreamPolicy(Scopes.of(List.of()), Set.of(), List.of("*@Example.com"), false);
        assertTrue(staff.refusal(caller("Ann@EXAMPLE.com", "")).isEmpty());
        assertEquals(UpstreamPolicy.Refusal.Reason.USER_NOT_ALLOWED,
                staff.refusal(caller("ann@example.com.evil.org", "")).orElseThrow().reason());
        assertFalse(staff.refusal(caller("ann@sub.example.com", "")).isEmpty(), "no sub-domains by accident");
        assertFalse(UpstreamPolicy.matches("a.b@example.com", "axb@example.com"), "dots are literal");
        assertThrows(InvalidValue.class, () -> new UpstreamPolicy(Scopes.of(List.of()), Set.of(),
                List.of("example.com"), false));
    }

    @Test
    void allowedUsersByIdOrAddressAndRequiredScopesFirst() {
        Principal ann = caller("ann@example.com", "mcp:tools");
        UpstreamPolicy byId = new UpstreamPolicy(Scopes.parseSpaceDelimited("mcp:tools"),
                Set.of(ann.userId().toString().toUpperCase()), List.of(), true);
        assertTrue(byId.refusal(ann).isEmpty());
        UpstreamPolicy byEmail = new UpstreamPolicy(Scopes.parseSpaceDelimited("memories:delete"),
                Set.of("ANN@example.com"), List.of(), true);
        UpstreamPolicy.Refusal missing = byEmail.refusal(ann).orElseThrow();
        assertEquals(UpstreamPolicy.Refusal.Reason.MISSING_SCOPE, missing.reason());
        assertEquals("memories:delete", missing.scope());
        assertTrue(UpstreamPolicy.open().refusal(caller("x@y.z", "")).isEmpty(), "no lists: every user");
    }

    @Test
    void targetsAndNamesThatCannotExist() {
        assertThrows(InvalidValue.class, () -> new UpstreamName("Everything"));
        assertThrows(InvalidValue.class, () -> new UpstreamName("../mcp"));
        assertEquals("/servers/every-thing/mcp", new UpstreamName("every-thing").path());
        assertThrows(InvalidValue.class, () -> UpstreamTarget.Http.parse("file:///etc/passwd"));
        assertThrows(InvalidValue.class, () -> UpstreamTarget.Http.parse("https://user:pw@example.com/mcp"));
        assertThrows(InvalidValue.class, () -> new UpstreamTarget.Stdio("node", List.of("a\nb"), Map.of(), null));
        assertThrows(InvalidValue.class, () -> new UpstreamTarget.Stdio("node", List.of(), Map.of("A=B", "x"), null));
        assertThrows(InvalidValue.class, () -> new UpstreamCredential("X-Onasis-User-Id", "forged"));
        assertEquals("UpstreamCredential(Authorization)[REDACTED]",
                new UpstreamCredential("Authorization", "Bearer s3cret").toString());
    }
}
