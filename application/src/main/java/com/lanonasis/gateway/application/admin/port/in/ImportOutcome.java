package com.lanonasis.gateway.application.admin.port.in;

/**
 * What became of one imported row: {@code created} (with the new id), or a stable reason:
 * {@code email_taken}, {@code invalid_email}, {@code invalid_hash}, {@code invalid_name}.
 */
public record ImportOutcome(String email, String status, String userId) {
}
