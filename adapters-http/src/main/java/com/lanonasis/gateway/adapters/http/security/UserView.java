package com.lanonasis.gateway.adapters.http.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.domain.identity.User;
import io.micronaut.serde.annotation.Serdeable;

/** A user as the API shows them: never with a password or its hash. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserView(String id, String email, String name, String role, @JsonProperty("created_at") String createdAt) {

    static UserView of(User user) {
        return new UserView(user.id().toString(), user.email().value(), user.name(), user.role().wireName(),
                user.createdAt().toString());
    }
}
