package com.lanonasis.gateway.adapters.http.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.application.admin.port.in.AdministerSigningKeysUseCase;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.clients.ClientListing;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.tokens.Grant;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** What the admin API shows: ids, names and states, never a password hash, token or key secret. */
final class AdminViews {

    private AdminViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserView(String id, String email, String name, String role, boolean disabled,
                    @JsonProperty("created_at") String createdAt) {

        static UserView of(User user) {
            return new UserView(user.id().toString(), user.email().value(), user.name(), user.role().wireName(),
                    user.disabled(), user.createdAt().toString());
        }
    }

    @Serdeable
    record UserPage(List<UserView> users, int page, int limit) {
    }

    @Serdeable
    record RoleBody(String role) {
    }

    @Serdeable
    record Deleted(@JsonProperty("user_id") String userId, @JsonProperty("memories_deleted") long memoriesDeleted) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GrantView(@JsonProperty("family_id") String familyId, @JsonProperty("client_id") String clientId,
                     List<String> scopes, @JsonProperty("issued_at") String issuedAt,
                     @JsonProperty("expires_at") String expiresAt) {

        static GrantView of(Grant grant) {
            return new GrantView(grant.familyId(), grant.clientId(), grant.scopes(),
                    grant.issuedAt() == null ? null : grant.issuedAt().toString(),
                    grant.expiresAt() == null ? null : grant.expiresAt().toString());
        }
    }

    @Serdeable
    record GrantList(List<GrantView> grants) {
    }

    @Serdeable
    record Revoked(int revoked) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditView(long id, String type, String at, @JsonProperty("user_id") String userId,
                     @JsonProperty("client_id") String clientId, Map<String, String> details) {

        static AuditView of(AuditRecord record) {
            return new AuditView(record.id(), record.event().type().name(), record.event().at().toString(),
                    record.event().userId(), record.event().clientId(), record.event().details());
        }
    }

    @Serdeable
    record AuditPage(List<AuditView> events, int page, int limit) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClientView(@JsonProperty("client_id") String clientId, @JsonProperty("client_name") String name,
                      @JsonProperty("token_endpoint_auth_method") String authMethod,
                      @JsonProperty("redirect_uris") List<String> redirectUris,
                      @JsonProperty("grant_types") List<String> grantTypes, List<String> scopes, boolean configured,
                      boolean disabled, @JsonProperty("created_at") String createdAt) {

        static ClientView of(ClientListing listing) {
            OAuthClient client = listing.client();
            return new ClientView(client.clientId(), client.name(), client.authMethod().wireName(),
                    client.redirectUris().stream().map(RedirectUri::value).toList(),
                    client.grantTypes().stream().map(GrantType::wireName).toList(), client.scopes().names(),
                    listing.configured(), listing.disabled(),
                    client.createdAt() == null ? null : client.createdAt().toString());
        }
    }

    @Serdeable
    record ClientPage(List<ClientView> clients, int page, int limit) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyView(String kid, String alg, boolean signs, @JsonProperty("created_at") String createdAt,
                   @JsonProperty("retired_at") String retiredAt) {

        static KeyView of(AdministerSigningKeysUseCase.KeyListing key) {
            return new KeyView(key.kid(), key.algorithm(), key.retiredAt() == null, key.createdAt().toString(),
                    key.retiredAt() == null ? null : key.retiredAt().toString());
        }
    }

    @Serdeable
    record KeyList(List<KeyView> keys) {
    }

    @Serdeable
    record Rotated(boolean rotated, String kid) {
    }
}
