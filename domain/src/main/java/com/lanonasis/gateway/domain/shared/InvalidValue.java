package com.lanonasis.gateway.domain.shared;

/** Thrown by a value object's constructor: the value cannot exist. Use cases turn it into a field error. */
public final class InvalidValue extends RuntimeException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
