package com.lanonasis.gateway.domain.keys;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.function.Function;

/** What a caller sent as an API key, read in the {@code pk_<id>.sk_<secret>} format. */
public sealed interface PresentedApiKey {

    /** One answer per shape; a new shape fails to compile until every caller handles it. */
    <R> R match(Function<Complete, R> complete,
            Function<MissingSecret, R> missingSecret, Function<Malformed, R> malformed);

    String PUBLIC_PREFIX = "pk_";
    String SECRET_PREFIX = "sk_";

    record Complete(ApiKeyId id, ApiKeySecret secret) implements PresentedApiKey {
        @Override
        public <R> R match(Function<Complete, R> complete,
                Function<MissingSecret, R> missingSecret, Function<Malformed, R> malformed) {
            return complete.apply(this);
        }
    }

    /** Only the public {@code pk_} half arrived: a common mistake that deserves its own message. */
    record MissingSecret(ApiKeyId id) implements PresentedApiKey {
        @Override
        public <R> R match(Function<Complete, R> complete,
                Function<MissingSecret, R> missingSecret, Function<Malformed, R> malformed) {
            return missingSecret.apply(this);
        }
    }

    record Malformed() implements PresentedApiKey {
        @Override
        public <R> R match(Function<Complete, R> complete,
                Function<MissingSecret, R> missingSecret, Function<Malformed, R> malformed) {
            return malformed.apply(this);
        }
    }

    static PresentedApiKey parse(String raw) {
        if (raw == null || !raw.startsWith(PUBLIC_PREFIX)) {
            return new Malformed();
        }
        int dot = raw.indexOf('.');
        String idPart = raw.substring(PUBLIC_PREFIX.length(), dot < 0 ? raw.length() : dot);
        ApiKeyId id;
        try {
            id = new ApiKeyId(idPart);
        } catch (InvalidValue e) {
            return new Malformed();
        }
        if (dot < 0) {
            return new MissingSecret(id);
        }
        String secretPart = raw.substring(dot + 1);
        if (!secretPart.startsWith(SECRET_PREFIX)) {
            return new MissingSecret(id);
        }
        String secret = secretPart.substring(SECRET_PREFIX.length());
        if (secret.isEmpty() || secret.length() > 128) {
            return new Malformed();
        }
        return new Complete(id, new ApiKeySecret(secret));
    }
}
