package com.lanonasis.gateway.application.upstreams;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.admin.port.in.UpstreamDraft;
import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import com.lanonasis.gateway.domain.upstreams.port.out.Upstreams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class UpstreamServiceTest {

    private static final String ISSUER = "https://gw.example";

    /** The identity database every instance shares. */
    static final class SharedUpstreams implements Upstreams {
        final Map<String, Upstream> rows = new ConcurrentHashMap<>();

        @Override
        public List<Upstream> all() {
            return new ArrayList<>(rows.values());
        }

        @Override
        public Optional<Upstream> find(UpstreamName name) {
            return Optional.ofNullable(rows.get(name.value()));
        }

        @Override
        public boolean add(Upstream upstream) {
            return rows.putIfAbsent(upstream.name().value(), upstream) == null;
        }

        @Override
        public boolean replace(Upstream upstream) {
            return rows.replace(upstream.name().value(), upstream) != null;
        }

        @Override
        public boolean remove(UpstreamName name) {
            return rows.remove(name.value()) != null;
        }
    }

    private final SharedUpstreams store = new SharedUpstreams();
    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final Upstream configured = new Upstream(new UpstreamName("fixed"), null,
            UpstreamTarget.Http.parse("http://127.0.0.1:9/mcp"), UpstreamPolicy.open(), null, true, true, Instant.EPOCH);

    private UpstreamService instance() {
        return new UpstreamService(List.of(configured), store, audit, clock, ISSUER + "/",
                Scopes.parseSpaceDelimited("mcp:tools memories:read"), Duration.ofSeconds(5));
    }

    private static Principal admin() {
        return new Principal(new UserId(UUID.randomUUID()), "root@example.com", Role.ADMIN,
                Scopes.parseSpaceDelimited("admin"), CredentialKind.USER_TOKEN, "t", null, List.of());
    }

    private static UpstreamDraft http(String name, boolean apiKeys) {
        return new UpstreamDraft(name, null, "http://127.0.0.1:3001/mcp", null, null, null, null, List.of("mcp:tools"),
                null, null, apiKeys, null, null, null);
    }

    @Test
    void anotherInstanceSeesAnAdministeredUpstreamWithinTheRefreshPeriod() {
        UpstreamService one = instance();
        UpstreamService other = instance();
        assertTrue(other.enabled("added").isEmpty());
        assertInstanceOf(Outcome.Done.class, one.create(admin(), http("added", false)));
        assertTrue(one.enabled("added").isPresent(), "its own change at once");
        assertTrue(other.enabled("added").isEmpty(), "the other instance still has its snapshot");
        clock.advance(Duration.ofSeconds(5));
        assertTrue(other.enabled("added").isPresent());
        assertTrue(other.isUpstreamResource(ISSUER + "/servers/added/mcp"));
        assertEquals(AuditEvent.Type.UPSTREAM_CREATED, Fakes.auditTypes(audit).get(Fakes.auditTypes(audit).size() - 1));
    }

    @Test
    void onlyEnabledUpstreamsAreResourcesAndEachAcceptsOnlyItsAudience() {
        UpstreamService service = instance();
        service.create(admin(), http("keyed", true));
        service.create(admin(), http("tokens", false));
        assertTrue(service.isUpstreamResource(ISSUER + "/servers/keyed/mcp"));
        assertFalse(service.isUpstreamResource(ISSUER + "/servers/keyed/mcp/"));
        assertFalse(service.isUpstreamResource("https://evil.example/servers/keyed/mcp"));
        assertFalse(service.isUpstreamResource(ISSUER + "/servers/nope/mcp"));
        assertTrue(service.resource(service.enabled("keyed").orElseThrow()).kinds().contains(CredentialKind.API_KEY));
        assertTrue(service.resource(service.enabled("tokens").orElseThrow()).kinds().isEmpty());
        assertEquals(java.util.Set.of(ISSUER + "/servers/tokens/mcp"),
                service.resource(service.enabled("tokens").orElseThrow()).audiences());
        service.setEnabled(admin(), "keyed", false);
        assertFalse(service.isUpstreamResource(ISSUER + "/servers/keyed/mcp"));
        assertTrue(service.enabled("keyed").isEmpty());
    }

    @Test
    void configuredUpstreamsAreReadOnlyAndNotStored() {
        UpstreamService service = instance();
        for (Outcome<?> outcome : List.of(service.create(admin(), http("fixed", false)),
                service.update(admin(), "fixed", http("fixed", false)), service.setEnabled(admin(), "fixed", false),
                service.delete(admin(), "fixed"))) {
            Rejection rejection = ((Outcome.Rejected<?>) outcome).rejection();
            assertEquals("configured_upstream", ((Rejection.Conflict) rejection).code());
        }
        assertTrue(store.rows.isEmpty());
        assertTrue(service.enabled("fixed").isPresent());
    }

    @Test
    void unknownScopesAndNonAdministratorsAreRefused() {
        UpstreamService service = instance();
        UpstreamDraft draft = new UpstreamDraft("x", null, "http://127.0.0.1/mcp", null, null, null, null,
                List.of("admin"), null, null, null, null, null, null);
        Rejection.Invalid invalid = (Rejection.Invalid) ((Outcome.Rejected<?>) service.create(admin(), draft)).rejection();
        assertEquals("required_scopes", invalid.errors().get(0).field());
        Principal user = new Principal(new UserId(UUID.randomUUID()), "u@example.com", Role.USER,
                Scopes.parseSpaceDelimited("admin"), CredentialKind.USER_TOKEN, "t", null, List.of());
        assertInstanceOf(Rejection.Forbidden.class, ((Outcome.Rejected<?>) service.create(user, http("y", false)))
                .rejection());
        assertTrue(store.rows.isEmpty());
    }
}
