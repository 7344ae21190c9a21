package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may create an account: everybody ({@code open}), nobody ({@code closed}), or addresses
 * matching one of the patterns ({@code allowlist}). A pattern is an exact address or
 * {@code *@domain} (the star stands for any local part, never for part of the domain).
 */
public record RegistrationPolicy(Mode mode, List<String> patterns) {

    public enum Mode { OPEN, CLOSED, ALLOWLIST }

    public static final RegistrationPolicy OPEN = new RegistrationPolicy(Mode.OPEN, List.of());

    public RegistrationPolicy {
        Objects.requireNonNull(mode, "mode");
        patterns = patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
        for (String pattern : patterns) {
            String rest = pattern.startsWith("*@") ? pattern.substring(2) : pattern;
            if (rest.contains("*") || rest.isEmpty()) {
                throw new InvalidValue("registration allowlist", "a pattern is an address or *@domain: " + pattern);
            }
        }
    }

    public static RegistrationPolicy of(String mode, String patterns) {
        Mode parsed;
        try {
            parsed = Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("registration", "registration mode is open, closed or allowlist, not " + mode);
        }
        return new RegistrationPolicy(parsed, patterns == null ? List.of() : List.of(patterns.split(",")));
    }

    public boolean admits(Email email) {
        return switch (mode) {
            case OPEN -> true;
            case CLOSED -> false;
            case ALLOWLIST -> patterns.stream().anyMatch(pattern -> pattern.startsWith("*@")
                    ? email.value().endsWith(pattern.substring(1))
                    : email.value().equals(pattern));
        };
    }
}
