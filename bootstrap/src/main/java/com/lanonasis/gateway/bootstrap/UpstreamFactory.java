package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcUpstreams;
import com.lanonasis.gateway.application.upstreams.UpstreamService;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamCredential;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import com.lanonasis.gateway.domain.upstreams.port.out.Upstreams;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;

/** The upstream MCP servers (issue 14): configured ones, the administered store, the registry. */
@Factory
final class UpstreamFactory {

    @Singleton
    Upstreams upstreamStore(JdbcDatabase database) {
        return new JdbcUpstreams(database);
    }

    /** Built at start-up (@Context), so that a mistake in onasis.upstreams stops the start, not the first request. */
    @Context
    UpstreamService upstreamService(List<ConfiguredUpstream> configured, Upstreams store, AuditLog audit, Clock clock,
                                    PublicUrl publicUrl,
                                    OAuthProperties oauth, UpstreamProperties settings) {
        return new UpstreamService(declared(configured).stream().map(UpstreamFactory::upstream).toList(), store,
                audit, clock, publicUrl.base(), Scopes.parse(oauth.scopes()), settings.refreshEvery());
    }

    /**
     * The configured upstreams without the artefacts of environment variables: Micronaut reads
     * {@code ONASIS_UPSTREAMS_EVERYTHING_API_KEYS} as every split of its words ({@code everything.api-keys},
     * {@code everything-api.keys}, …), so an entry with neither url nor command whose name extends
     * another entry's name with {@code -} is that spelling, not an upstream. Any other such entry is
     * a mistake and fails the start.
     */
    static List<ConfiguredUpstream> declared(List<ConfiguredUpstream> configured) {
        return configured.stream().filter(entry -> hasTarget(entry) || configured.stream().noneMatch(other ->
                other != entry && hasTarget(other) && entry.getName().startsWith(other.getName() + "-"))).toList();
    }

    private static boolean hasTarget(ConfiguredUpstream entry) {
        return entry.getUrl() != null && !entry.getUrl().isBlank()
                || entry.getCommand() != null && !entry.getCommand().isBlank();
    }

    private static Map<String, String> environment(List<String> entries) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("env entries are NAME=value, not " + entry);
            }
            environment.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
        }
        return environment;
    }

    /** A configured upstream, or a start-up failure that names the setting at fault. */
    static Upstream upstream(ConfiguredUpstream config) {
        try {
            boolean http = config.getUrl() != null && !config.getUrl().isBlank();
            boolean stdio = config.getCommand() != null && !config.getCommand().isBlank();
            if (http == stdio) {
                throw new IllegalArgumentException("set either url or command");
            }
            UpstreamTarget target = http ? UpstreamTarget.Http.parse(config.getUrl())
                    : new UpstreamTarget.Stdio(config.getCommand(), config.getArgs(), environment(config.getEnv()),
                    config.getWorkingDir());
            UpstreamPolicy policy = new UpstreamPolicy(Scopes.parse(config.getRequiredScopes()),
                    new LinkedHashSet<>(config.getAllowedUsers()), config.getAllowedEmails(), config.isApiKeys());
            UpstreamCredential credential = config.getCredentialHeader() == null || config.getCredentialHeader().isBlank()
                    ? null : new UpstreamCredential(config.getCredentialHeader(), config.getCredentialValue());
            return new Upstream(new UpstreamName(config.getName()), config.getTitle(), target, policy, credential,
                    config.isEnabled(), true, Instant.EPOCH);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("onasis.upstreams." + config.getName() + ": " + invalid.getMessage(),
                    invalid);
        }
    }
}
