package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.time.Instant;
import java.util.List;

/** The signing keys for administrators: what exists (never the private part), and rotation. */
public interface AdministerSigningKeysUseCase {

    /** A key as listed: {@code retiredAt} null while it signs. */
    record KeyListing(String kid, String algorithm, Instant createdAt, Instant retiredAt) {
    }

    Outcome<List<KeyListing>> signingKeys(Principal caller);

    /** Starts signing with a new key (every instance follows within seconds); the kid of the key that now signs. */
    Outcome<String> rotateSigningKey(Principal caller);
}
