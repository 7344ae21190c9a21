package com.lanonasis.gateway.application.upstreams;

import com.lanonasis.gateway.application.admin.port.in.AdministerUpstreamsUseCase;
import com.lanonasis.gateway.application.admin.port.in.UpstreamDraft;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.Violations;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamCredential;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import com.lanonasis.gateway.domain.upstreams.port.out.Upstreams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The upstream registry: configured upstreams (read-only) plus those administrators add, which are
 * stored so every instance sees them. Each instance re-reads the stored ones at most every
 * {@code refreshEvery} (its own changes at once), so the proxy's hot path does not query the database.
 */
public final class UpstreamService implements UseUpstreamUseCase, AdministerUpstreamsUseCase {

    private final Map<String, Upstream> configured;
    private final Upstreams store;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;
    private final Scopes supportedScopes;
    private final Duration refreshEvery;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, Upstream> byName, Instant readAt) {
    }

    public UpstreamService(List<Upstream> configured, Upstreams store, AuditLog audit, Clock clock, String issuer,
                           Scopes supportedScopes, Duration refreshEvery) {
        Map<String, Upstream> byName = new LinkedHashMap<>();
        for (Upstream upstream : configured) {
            if (byName.put(upstream.name().value(), upstream) != null) {
                throw new IllegalArgumentException("upstream " + upstream.name() + " is configured twice");
            }
        }
        this.configured = Map.copyOf(byName);
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.supportedScopes = supportedScopes;
        this.refreshEvery = refreshEvery;
    }

    // --- use ---

    @Override
    public Optional<Upstream> enabled(String name) {
        Upstream upstream = current().get(name);
        return upstream != null && upstream.enabled() ? Optional.of(upstream) : Optional.empty();
    }

    @Override
    public List<Upstream> all() {
        return current().values().stream().sorted(Comparator.comparing(u -> u.name().value())).toList();
    }

    @Override
    public ProtectedResource resource(Upstream upstream) {
        String uri = resourceUri(upstream);
        Set<CredentialKind> kinds = upstream.policy().apiKeysAccepted() ? EnumSet.of(CredentialKind.API_KEY)
                : EnumSet.noneOf(CredentialKind.class);
        return new ProtectedResource("upstream:" + upstream.name(), Set.of(uri), kinds);
    }

    @Override
    public String resourceUri(Upstream upstream) {
        return upstream.resource(issuer);
    }

    @Override
    public Optional<UpstreamPolicy.Refusal> refusal(Upstream upstream, Principal caller) {
        return upstream.policy().refusal(caller);
    }

    @Override
    public boolean isUpstreamResource(String resource) {
        String prefix = issuer + "/servers/";
        if (resource == null || !resource.startsWith(prefix) || !resource.endsWith("/mcp")) {
            return false;
        }
        String name = resource.substring(prefix.length(), resource.length() - "/mcp".length());
        return enabled(name).map(upstream -> resourceUri(upstream).equals(resource)).orElse(false);
    }

    private Map<String, Upstream> current() {
        Snapshot seen = snapshot;
        if (seen == null || !clock.instant().isBefore(seen.readAt().plus(refreshEvery))) {
            seen = reload();
        }
        return seen.byName();
    }

    private synchronized Snapshot reload() {
        Map<String, Upstream> byName = new LinkedHashMap<>();
        for (Upstream stored : store.all()) {
            if (!configured.containsKey(stored.name().value())) {
                byName.put(stored.name().value(), stored);
            }
        }
        byName.putAll(configured);
        Snapshot fresh = new Snapshot(Map.copyOf(byName), clock.instant());
        snapshot = fresh;
        return fresh;
    }

    // --- administer ---

    private static boolean isAdmin(Principal caller) {
        return caller.role() == Role.ADMIN && caller.allows(Scope.ADMIN);
    }

    @Override
    public Outcome<List<Upstream>> upstreams(Principal caller) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "upstreams.list"));
        List<Upstream> all = new ArrayList<>(reload().byName().values());
        all.sort(Comparator.comparing(u -> u.name().value()));
        return Outcome.done(all);
    }

    @Override
    public Outcome<Upstream> upstream(Principal caller, String name) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Upstream found = reload().byName().get(name);
        if (found == null) {
            return Outcome.notFound("upstream");
        }
        record(AuditEvent.Type.ADMIN_VIEWED, caller, name, Map.of("action", "upstreams.view"));
        return Outcome.done(found);
    }

    @Override
    public Outcome<Upstream> create(Principal caller, UpstreamDraft draft) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Violations violations = new Violations();
        UpstreamName name = violations.check(() -> new UpstreamName(draft.name()));
        Outcome<Upstream> built = build(draft, name, null, violations);
        if (!(built instanceof Outcome.Done<Upstream> done)) {
            return built;
        }
        if (configured.containsKey(name.value())) {
            return Outcome.rejected(new Rejection.Conflict("configured_upstream",
                    "an upstream of this name is declared in configuration"));
        }
        if (!store.add(done.value())) {
            return Outcome.rejected(new Rejection.Conflict("upstream_exists", "an upstream of this name exists"));
        }
        reload();
        record(AuditEvent.Type.UPSTREAM_CREATED, caller, name.value(), describe(done.value()));
        return built;
    }

    @Override
    public Outcome<Upstream> update(Principal caller, String name, UpstreamDraft draft) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<Upstream> existing = administered(name);
        if (existing.isEmpty()) {
            return configured.containsKey(name) ? configuredConflict() : Outcome.notFound("upstream");
        }
        Violations violations = new Violations();
        if (draft.name() != null && !draft.name().equals(name)) {
            violations.add("name", "the name of an upstream cannot change; create another one");
        }
        Outcome<Upstream> built = build(draft, existing.get().name(), existing.get(), violations);
        if (!(built instanceof Outcome.Done<Upstream> done)) {
            return built;
        }
        if (!store.replace(done.value())) {
            return Outcome.notFound("upstream");
        }
        reload();
        record(AuditEvent.Type.UPSTREAM_UPDATED, caller, name, describe(done.value()));
        return built;
    }

    @Override
    public Outcome<Upstream> setEnabled(Principal caller, String name, boolean enabled) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<Upstream> existing = administered(name);
        if (existing.isEmpty()) {
            return configured.containsKey(name) ? configuredConflict() : Outcome.notFound("upstream");
        }
        Upstream changed = existing.get().withEnabled(enabled, clock.instant());
        if (!store.replace(changed)) {
            return Outcome.notFound("upstream");
        }
        reload();
        record(enabled ? AuditEvent.Type.UPSTREAM_ENABLED : AuditEvent.Type.UPSTREAM_DISABLED, caller, name, Map.of());
        return Outcome.done(changed);
    }

    @Override
    public Outcome<String> delete(Principal caller, String name) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        if (configured.containsKey(name)) {
            return configuredConflict();
        }
        Optional<UpstreamName> parsed = parse(name);
        if (parsed.isEmpty() || !store.remove(parsed.get())) {
            return Outcome.notFound("upstream");
        }
        reload();
        record(AuditEvent.Type.UPSTREAM_DELETED, caller, name, Map.of());
        return Outcome.done(name);
    }

    private Optional<Upstream> administered(String name) {
        if (configured.containsKey(name)) {
            return Optional.empty();
        }
        return parse(name).flatMap(store::find);
    }

    private static Optional<UpstreamName> parse(String name) {
        try {
            return Optional.of(new UpstreamName(name));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static <T> Outcome<T> configuredConflict() {
        return Outcome.rejected(new Rejection.Conflict("configured_upstream",
                "this upstream is declared in configuration and is read-only here"));
    }

    private Outcome<Upstream> build(UpstreamDraft draft, UpstreamName name, Upstream previous, Violations violations) {
        boolean hasUrl = draft.url() != null && !draft.url().isBlank();
        boolean hasCommand = draft.command() != null && !draft.command().isBlank();
        UpstreamTarget target = null;
        if (hasUrl == hasCommand) {
            violations.add(hasUrl ? "command" : "url", "give either url (an HTTP upstream) or command (a stdio"
                    + " upstream), not both or neither");
        } else if (hasUrl) {
            target = violations.check(() -> UpstreamTarget.Http.parse(draft.url()));
        } else {
            target = violations.check(() -> new UpstreamTarget.Stdio(draft.command(), draft.args(), draft.env(),
                    draft.workingDir()));
        }
        Scopes required = Scopes.of(List.of());
        List<Scope> scopes = new ArrayList<>();
        for (String value : draft.requiredScopes() == null ? List.<String>of() : draft.requiredScopes()) {
            Scope scope = violations.check(() -> new Scope(value));
            if (scope != null && !supportedScopes.values().contains(scope)) {
                violations.add("required_scopes", "unknown scope: " + value);
            } else if (scope != null) {
                scopes.add(scope);
            }
        }
        required = Scopes.of(scopes);
        Scopes finalRequired = required;
        UpstreamPolicy policy = violations.check(() -> new UpstreamPolicy(finalRequired,
                new LinkedHashSet<>(draft.allowedUsers() == null ? List.of() : draft.allowedUsers()),
                draft.allowedEmails(), Boolean.TRUE.equals(draft.apiKeys())));
        UpstreamCredential credential = null;
        if (draft.credentialHeader() != null && !draft.credentialHeader().isEmpty()) {
            String value = draft.credentialValue();
            if (value == null && previous != null && previous.credential() != null
                    && previous.credential().header().equalsIgnoreCase(draft.credentialHeader())) {
                value = previous.credential().reveal();
            }
            String finalValue = value;
            credential = violations.check(() -> new UpstreamCredential(draft.credentialHeader(), finalValue));
        } else if (draft.credentialValue() != null) {
            violations.add("credential_header", "credential_value needs credential_header");
        }
        UpstreamTarget finalTarget = target;
        UpstreamCredential finalCredential = credential;
        Upstream upstream = violations.any() || name == null ? null : violations.check(() -> new Upstream(name,
                draft.title(), finalTarget, policy, finalCredential, draft.enabled() == null || draft.enabled(), false,
                clock.instant()));
        if (violations.any() || upstream == null) {
            return violations.rejection();
        }
        return Outcome.done(upstream);
    }

    /** What the audit keeps of an upstream: no credential, no environment values. */
    private static Map<String, String> describe(Upstream upstream) {
        Map<String, String> details = new HashMap<>();
        details.put("target", upstream.target() instanceof UpstreamTarget.Http http ? http.url().toString()
                : "stdio:" + ((UpstreamTarget.Stdio) upstream.target()).command());
        details.put("required_scopes", upstream.policy().requiredScopes().spaceDelimited());
        details.put("api_keys", String.valueOf(upstream.policy().apiKeysAccepted()));
        details.put("enabled", String.valueOf(upstream.enabled()));
        return details;
    }

    private void record(AuditEvent.Type type, Principal caller, String upstream, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("by", caller.userId().toString());
        all.put("credential", caller.via().name().toLowerCase(Locale.ROOT));
        if (upstream != null) {
            all.put("upstream", upstream);
        }
        audit.record(new AuditEvent(type, clock.instant(), caller.userId().toString(), caller.clientId(), all));
    }
}
