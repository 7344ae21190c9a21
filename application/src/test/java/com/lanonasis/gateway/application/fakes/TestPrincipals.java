package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;
import java.util.UUID;

/** Callers for use-case tests (only tests build principals by hand; production gets them from verification). */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    public static Principal userWith(String scopes) {
        return userWith(new UserId(UUID.randomUUID()), scopes);
    }

    public static Principal userWith(UserId id, String scopes) {
        return new Principal(id, id + "@example.com", Role.USER, Scopes.parseSpaceDelimited(scopes),
                CredentialKind.API_KEY, "test", null, List.of());
    }
}
