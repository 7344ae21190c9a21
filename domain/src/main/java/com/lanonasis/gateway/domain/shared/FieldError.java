package com.lanonasis.gateway.domain.shared;

public record FieldError(String field, String message) {
}
