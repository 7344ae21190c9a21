package com.lanonasis.gateway.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one request instead of stopping at the first, so a caller
 * gets all of its mistakes in one answer.
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value, recording its {@link InvalidValue} instead of throwing; returns null then. */
    public <T> T check(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidValue invalid) {
            errors.add(new FieldError(invalid.field(), invalid.getMessage()));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public <T> Outcome<T> rejection() {
        return Outcome.rejected(new Rejection.Invalid(List.copyOf(errors)));
    }
}
