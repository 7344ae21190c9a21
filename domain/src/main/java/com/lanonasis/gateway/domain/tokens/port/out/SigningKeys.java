package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the store of signing keys. */
public interface SigningKeys {

    void add(SigningKey key);

    Optional<SigningKey> find(String kid);

    /** Keys that still sign, newest first. */
    List<SigningKey> signing();

    /** Keys that still sign or were retired after {@code retiredAfter}: what verifiers must know. */
    List<SigningKey> verifying(Instant retiredAfter);

    void retire(String kid, Instant at);
}
