package com.lanonasis.gateway.application.auth.port.in;

import com.lanonasis.gateway.domain.shared.Principal;

public sealed interface Authentication {

    record Authenticated(Principal principal) implements Authentication {
    }

    record Unauthenticated(CredentialProblem problem) implements Authentication {
    }

    enum CredentialProblem {
        /** Not in any format we accept. */
        MALFORMED,
        /** An API key without its {@code .sk_} half. */
        API_KEY_SECRET_MISSING,
        /** Well-formed but unknown, revoked, forged or for a user who no longer exists. */
        INVALID,
        EXPIRED,
        /** Valid, but not accepted by the resource it was presented to (another audience, or a kind it refuses). */
        NOT_FOR_THIS_RESOURCE
    }
}
