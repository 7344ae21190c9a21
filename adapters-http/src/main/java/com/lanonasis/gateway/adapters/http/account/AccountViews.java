package com.lanonasis.gateway.adapters.http.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.application.account.port.in.ConnectedApp;
import com.lanonasis.gateway.application.account.port.in.ListedSession;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.Secret;
import com.lanonasis.gateway.domain.tokens.Grant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of /api/v1/account (never a hash, a cookie or a token). */
public final class AccountViews {

    private AccountViews() {
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Profile(String id, String email, String name, String role, @JsonProperty("created_at") String createdAt) {
        static Profile of(User user) {
            return new Profile(user.id().toString(), user.email().value(), user.name(), user.role().wireName(),
                    iso(user.createdAt()));
        }
    }

    @Serdeable
    record ProfileBody(@Nullable String name) {
    }

    @Serdeable
    record PasswordBody(@Nullable @JsonProperty("current_password") String currentPassword,
                        @Nullable @JsonProperty("new_password") String newPassword) {
        @Override
        public String toString() {
            return Secret.redacted("PasswordBody");
        }
    }

    @Serdeable
    record PasswordChangedView(@JsonProperty("sessions_ended") int sessionsEnded,
                               @JsonProperty("grants_revoked") int grantsRevoked) {
    }

    /** One browser session, by its public id. Public: the admin API shows the same shape. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SessionView(String id, @JsonProperty("created_at") String createdAt,
                              @JsonProperty("last_seen_at") String lastSeenAt,
                              @JsonProperty("expires_at") String expiresAt,
                              @JsonProperty("user_agent") String userAgent,
                              @JsonProperty("client_address") String clientAddress, boolean current) {
        public static SessionView of(ListedSession listed) {
            WebSession session = listed.session();
            return new SessionView(listed.id(), iso(session.createdAt()), iso(session.lastSeenAt()),
                    iso(session.expiresAt()), session.userAgent(), session.clientAddress(), listed.current());
        }
    }

    @Serdeable
    public record SessionList(List<SessionView> sessions) {
    }

    @Serdeable
    record Ended(int ended) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GrantView(@JsonProperty("family_id") String familyId, List<String> scopes,
                     @JsonProperty("issued_at") String issuedAt, @JsonProperty("expires_at") String expiresAt) {
        static GrantView of(Grant grant) {
            return new GrantView(grant.familyId(), grant.scopes(), iso(grant.issuedAt()), iso(grant.expiresAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AppView(@JsonProperty("client_id") String clientId, @JsonProperty("client_name") String name,
                   List<String> scopes, @JsonProperty("consented_at") String consentedAt, List<GrantView> grants) {
        static AppView of(ConnectedApp app) {
            return new AppView(app.clientId(), app.name(), app.consentScopes(), iso(app.consentedAt()),
                    app.grants().stream().map(GrantView::of).toList());
        }
    }

    @Serdeable
    record AppList(List<AppView> apps) {
    }

    @Serdeable
    record Revoked(int revoked) {
    }

    @Serdeable
    record NewKeyBody(@Nullable String name, @Nullable List<String> scopes,
                      @Nullable @JsonProperty("expires_in") Long expiresIn) {
    }

    /** The only shape that carries a key's secret. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IssuedKey(String id, String key, String name, List<String> scopes, @JsonProperty("created_at") String createdAt,
                     @JsonProperty("expires_at") String expiresAt,
                     @JsonProperty("previous_secret_valid_until") String previousSecretValidUntil) {
        static IssuedKey of(IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new IssuedKey(key.id().value(), issued.reveal(), key.name(), key.scopes().names(),
                    iso(key.createdAt()), iso(key.expiresAt()), iso(key.previousSecretUntil()));
        }

        @Override
        public String toString() {
            return Secret.redacted("IssuedKey[id=" + id + "]");
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyView(String id, String name, List<String> scopes, @JsonProperty("created_at") String createdAt,
                   @JsonProperty("expires_at") String expiresAt, @JsonProperty("last_used_at") String lastUsedAt,
                   @JsonProperty("previous_secret_valid_until") String previousSecretValidUntil) {
        static KeyView of(ApiKey key, Instant now) {
            Instant grace = key.previousSecretUntil() != null && now.isBefore(key.previousSecretUntil())
                    ? key.previousSecretUntil() : null;
            return new KeyView(key.id().value(), key.name(), key.scopes().names(), iso(key.createdAt()),
                    iso(key.expiresAt()), iso(key.lastUsedAt()), iso(grace));
        }
    }

    @Serdeable
    record KeyList(@JsonProperty("api_keys") List<KeyView> apiKeys) {
    }

    @Serdeable
    record DeleteBody(@Nullable String confirm, @Nullable String password) {
        @Override
        public String toString() {
            return Secret.redacted("DeleteBody");
        }
    }

    @Serdeable
    record Deleted(@JsonProperty("user_id") String userId, @JsonProperty("memories_deleted") long memoriesDeleted) {
    }
}
