package com.lanonasis.gateway.domain.keys;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.Objects;

/** A key just created, with its secret: the only moment the full key exists outside the caller. */
public final class IssuedApiKey implements Secret {

    private final ApiKey key;
    private final ApiKeySecret secret;

    public IssuedApiKey(ApiKey key, ApiKeySecret secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public ApiKey key() {
        return key;
    }

    /** The full key as the caller must send it: {@code pk_<id>.sk_<secret>}. */
    @Override
    public String reveal() {
        return PresentedApiKey.PUBLIC_PREFIX + key.id().value() + "." + PresentedApiKey.SECRET_PREFIX + secret.reveal();
    }

    @Override
    public String toString() {
        return Secret.redacted("IssuedApiKey[id=" + key.id() + "]");
    }
}
