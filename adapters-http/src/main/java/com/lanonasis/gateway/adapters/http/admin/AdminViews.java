package com.lanonasis.gateway.adapters.http.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.domain.audit.AuditRecord;
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
}
