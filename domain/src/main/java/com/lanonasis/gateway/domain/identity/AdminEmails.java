package com.lanonasis.gateway.domain.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The exact addresses whose accounts are administrators (setting {@code ONASIS_ADMIN_EMAILS}). */
public record AdminEmails(Set<Email> addresses) {

    public static final AdminEmails NONE = new AdminEmails(Set.of());

    public AdminEmails {
        addresses = Set.copyOf(addresses);
    }

    /** Comma-separated addresses; blanks are ignored, a malformed address is an error at start-up. */
    public static AdminEmails of(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        return new AdminEmails(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Email::new).collect(Collectors.toSet()));
    }

    public boolean includes(Email email) {
        return addresses.contains(email);
    }
}
