package com.lanonasis.gateway.domain.shared;

import java.time.Duration;
import java.util.List;

/**
 * Why a use case declined. Adapters map these few public reasons to their protocol through
 * {@link #match}, so a new reason fails to compile in every adapter until it is mapped.
 */
public sealed interface Rejection {

    /** One answer per reason; an adapter implements all of them. */
    interface Cases<R> {
        R notFound(NotFound rejection);

        R invalid(Invalid rejection);

        R conflict(Conflict rejection);

        R forbidden(Forbidden rejection);

        R refused(Refused rejection);

        R rateLimited(RateLimited rejection);

        R invalidCredentials(InvalidCredentials rejection);
    }

    <R> R match(Cases<R> cases);

    /** The thing does not exist for this caller (another tenant's entry is indistinguishable). */
    record NotFound(String what) implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notFound(this);
        }
    }

    record Invalid(List<FieldError> errors) implements Rejection {
        public Invalid {
            errors = List.copyOf(errors);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalid(this);
        }
    }

    record Conflict(String code, String message) implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.conflict(this);
        }
    }

    /** The caller is known but its credential does not carry the scope the operation needs. */
    record Forbidden(Scope required) implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.forbidden(this);
        }
    }

    /** The caller may not do this at all, whatever its credential (e.g. registration is closed). */
    record Refused(String code, String message) implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(this);
        }
    }

    /** Too many calls from this caller for now. */
    record RateLimited(Duration retryAfter) implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.rateLimited(this);
        }
    }

    /** Wrong email or password; deliberately says nothing about which. */
    record InvalidCredentials() implements Rejection {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalidCredentials(this);
        }
    }
}
