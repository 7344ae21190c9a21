package com.lanonasis.gateway.domain.tokens;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the store of signing keys. */
public interface SigningKeys {

    void add(SigningKey key);

    Optional<SigningKey> find(String kid);

    /** Keys that still sign, newest first. */
    List<SigningKey> signing();
}
