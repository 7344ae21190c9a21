package com.lanonasis.gateway.domain.shared;

import java.time.Duration;
import java.util.List;

/** Why a use case declined. Adapters map these few public reasons to their protocol. */
public sealed interface Rejection {

    /** The thing does not exist for this caller (another tenant's entry is indistinguishable). */
    record NotFound(String what) implements Rejection {
    }

    record Invalid(List<FieldError> errors) implements Rejection {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    record Conflict(String code, String message) implements Rejection {
    }

    /** The caller is known but its credential does not carry the scope the operation needs. */
    record Forbidden(Scope required) implements Rejection {
    }

    /** The caller may not do this at all, whatever its credential (e.g. registration is closed). */
    record Refused(String code, String message) implements Rejection {
    }

    /** Too many calls from this caller for now. */
    record RateLimited(Duration retryAfter) implements Rejection {
    }

    /** Wrong email or password; deliberately says nothing about which. */
    record InvalidCredentials() implements Rejection {
    }
}
