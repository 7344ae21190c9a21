package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.shared.InvalidValue;

/**
 * A page of accounts whose e-mail contains {@code email} (all when null or blank).
 *
 * @param page 1-based
 */
public record UserSearch(String email, int page, int limit) {

    public static final int MAX_LIMIT = 200;

    public UserSearch {
        email = email == null ? "" : email.strip();
        if (email.length() > 254) {
            throw new InvalidValue("email", "email must be at most 254 characters");
        }
        if (page < 1) {
            throw new InvalidValue("page", "page must be at least 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
