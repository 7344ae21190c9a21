package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a route behind the proxy demands of a verified caller: every listed scope; when users or
 * emails are listed, to be one of them; and for an OAuth token, the route's resource in its
 * {@code aud} (RFC 8707). Built from {@code /verify}'s query or from a configured rule.
 *
 * @param audience null when the route names none: then any token this service issued will do
 */
record AccessRequirement(Set<Scope> scopes, Set<String> users, Set<String> emails, String audience) {

    static final AccessRequirement NONE = new AccessRequirement(Set.of(), Set.of(), Set.of(), null);

    AccessRequirement {
        scopes = Set.copyOf(scopes);
        users = Set.copyOf(users);
        emails = Set.copyOf(emails);
    }

    /**
     * Parses and checks the parts as given; {@link InvalidValue} names the first bad one.
     *
     * @param scopes each may hold several, space-separated
     */
    static AccessRequirement of(Collection<String> scopes, Collection<String> users, Collection<String> emails,
                                String audience) {
        Set<Scope> required = new LinkedHashSet<>();
        scopes.forEach(value -> required.addAll(Scopes.parseSpaceDelimited(value).values()));
        Set<String> userIds = users.stream().map(UserId::parse).map(UserId::toString).collect(Collectors.toSet());
        Set<String> addresses = emails.stream().map(AccessRequirement::email).collect(Collectors.toSet());
        return new AccessRequirement(required, userIds, addresses, audience == null ? null : resource(audience));
    }

    /** Checks the caller; a failure ends the request with the status and challenge RFC 6750 §3.1 asks for. */
    void enforce(Principal caller) {
        if (audience != null && caller.via() == CredentialKind.OAUTH_TOKEN && !caller.audience().contains(audience)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token",
                    "this token was issued for another resource", null, Map.of(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"onasis-gateway\", error=\"invalid_token\""));
        }
        if (!scopes.stream().allMatch(caller::allows)) {
            String needed = scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
            throw new ApiException(HttpStatus.FORBIDDEN, "insufficient_scope",
                    "the credential lacks a scope this route requires", null, Map.of(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"onasis-gateway\", error=\"insufficient_scope\", scope=\"" + needed + "\""));
        }
        boolean restricted = !users.isEmpty() || !emails.isEmpty();
        if (restricted && !users.contains(caller.userId().toString())
                && !emails.contains(caller.email().toLowerCase(Locale.ROOT))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "this account may not use this route");
        }
    }

    private static String email(String value) {
        String address = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > 320 || address.indexOf('@') < 1
                || address.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new InvalidValue("email", "not an email address");
        }
        return address;
    }

    /** An absolute resource URI (RFC 8707 §2), compared with {@code aud} as written. */
    private static String resource(String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null && uri.getFragment() == null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidValue("aud", "not an absolute resource URI without a fragment");
    }
}
