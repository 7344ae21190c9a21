package com.lanonasis.gateway.domain.shared;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The set of scopes a credential carries, and the rule for what they allow. */
public record Scopes(Set<Scope> values) {

    /** What a signed-in user holds through their own password login: everything but admin. */
    public static final Scopes USER_SESSION = of(List.of(
            Scope.MEMORIES_READ, Scope.MEMORIES_WRITE, Scope.MEMORIES_DELETE,
            Scope.API_KEYS_READ, Scope.API_KEYS_WRITE, Scope.MCP_FULL));

    /** What a new API key carries when its creator names no scopes. */
    public static final Scopes API_KEY_DEFAULT = of(List.of(
            Scope.MEMORIES_READ, Scope.MEMORIES_WRITE, Scope.MEMORIES_DELETE));

    /** What a user's own login grants: administrators also hold {@code admin}. */
    public static Scopes forRole(Role role) {
        if (role != Role.ADMIN) {
            return USER_SESSION;
        }
        Set<Scope> all = new LinkedHashSet<>(USER_SESSION.values());
        all.add(Scope.ADMIN);
        return new Scopes(all);
    }

    /**
     * These scopes as far as a holder with {@code role} may use them now: {@code admin} only for
     * administrators. Applied at every use, so a demoted administrator loses admin at once through
     * every credential minted while they were one.
     */
    public Scopes limitedTo(Role role) {
        if (role == Role.ADMIN || !values.contains(Scope.ADMIN)) {
            return this;
        }
        Set<Scope> kept = new LinkedHashSet<>(values);
        kept.remove(Scope.ADMIN);
        return new Scopes(kept);
    }

    public Scopes {
        values = Set.copyOf(new LinkedHashSet<>(values));
    }

    public static Scopes of(Collection<Scope> scopes) {
        return new Scopes(new LinkedHashSet<>(scopes));
    }

    /** Parses scope names; {@link InvalidValue} on the first malformed one. */
    public static Scopes parse(Collection<String> names) {
        return of(names.stream().map(Scope::new).toList());
    }

    public static Scopes parseSpaceDelimited(String text) {
        if (text == null || text.isBlank()) {
            return of(List.of());
        }
        return parse(List.of(text.trim().split("\\s+")));
    }

    public boolean allows(Scope required) {
        if (values.contains(required) || values.contains(Scope.ADMIN)) {
            return true;
        }
        if (!required.isResourceScope()) {
            return false;
        }
        return values.contains(Scope.MCP_FULL)
                || (required.isRead() && values.contains(Scope.READ))
                || (!required.isRead() && values.contains(Scope.WRITE));
    }

    /** True when every scope here is also allowed by {@code holder}: a key may not outgrow its creator. */
    public boolean within(Scopes holder) {
        return values.stream().allMatch(holder::allows);
    }

    public List<String> names() {
        return values.stream().map(Scope::value).sorted().toList();
    }

    public String spaceDelimited() {
        return values.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }
}
