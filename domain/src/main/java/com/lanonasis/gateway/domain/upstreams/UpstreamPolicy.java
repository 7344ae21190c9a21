package com.lanonasis.gateway.domain.upstreams;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may use an upstream once authenticated (as the seeds' proxy targets: required users and
 * e-mails, allowed scopes).
 *
 * @param requiredScopes  every one of them must be held by the caller's credential
 * @param allowedUsers    user ids or exact e-mail addresses; with {@code emailPatterns} empty too,
 *                        every authenticated user is allowed
 * @param emailPatterns   {@code *@example.com}: {@code *} stands for any characters, compared ignoring case
 * @param apiKeysAccepted whether {@code pk_…sk_…} API keys are accepted besides OAuth tokens for this upstream
 */
public record UpstreamPolicy(Scopes requiredScopes, Set<String> allowedUsers, List<String> emailPatterns,
                             boolean apiKeysAccepted) {

    private static final Pattern PATTERN = Pattern.compile("[^\\s@]*@[^\\s@]+");

    public UpstreamPolicy {
        Objects.requireNonNull(requiredScopes, "requiredScopes");
        allowedUsers = (allowedUsers == null ? Set.<String>of() : allowedUsers).stream()
                .map(user -> user.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        emailPatterns = List.copyOf(emailPatterns == null ? List.of() : emailPatterns);
        for (String pattern : emailPatterns) {
            if (!PATTERN.matcher(pattern).matches()) {
                throw new InvalidValue("allowed_emails", "an e-mail pattern looks like *@example.com or"
                        + " name@example.com: " + pattern);
            }
        }
        if (allowedUsers.size() > 1000 || emailPatterns.size() > 100) {
            throw new InvalidValue("allowed_users", "at most 1000 users and 100 e-mail patterns");
        }
    }

    public static UpstreamPolicy open() {
        return new UpstreamPolicy(Scopes.of(List.of()), Set.of(), List.of(), false);
    }

    /** Why {@code caller} may not use the upstream, or empty when it may. */
    public Optional<Refusal> refusal(Principal caller) {
        for (Scope scope : requiredScopes.values()) {
            if (!caller.allows(scope)) {
                return Optional.of(new Refusal(Refusal.Reason.MISSING_SCOPE, scope.value(),
                        "this upstream requires the scope " + scope.value()));
            }
        }
        if (allowedUsers.isEmpty() && emailPatterns.isEmpty()) {
            return Optional.empty();
        }
        String email = caller.email().toLowerCase(Locale.ROOT);
        if (allowedUsers.contains(caller.userId().toString().toLowerCase(Locale.ROOT)) || allowedUsers.contains(email)
                || emailPatterns.stream().anyMatch(pattern -> matches(pattern, email))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Refusal.Reason.USER_NOT_ALLOWED, null,
                "this upstream's policy does not allow the user " + caller.email()));
    }

    static boolean matches(String pattern, String email) {
        String regex = java.util.Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.matches(regex, email);
    }

    /** A policy miss: what the caller lacks, and a sentence for the response body. */
    public record Refusal(Reason reason, String scope, String message) {
        public enum Reason { MISSING_SCOPE, USER_NOT_ALLOWED }
    }
}
