package com.lanonasis.gateway.domain.codes.port.out;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.shared.SecretHash;

/** Outgoing port: short-lived authorization codes with an atomic consume-once. */
public interface AuthorizationCodes {

    void add(AuthorizationCode code);

    /**
     * Marks the code used and returns it, exactly once across every instance; later calls
     * answer {@code Replayed} until the code would have expired.
     */
    CodeRedemption redeem(SecretHash codeHash);
}
