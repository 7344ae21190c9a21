package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Clock;
import java.util.Optional;

/** Authorization codes in this process (one instance, or sticky sessions); Redis shares them across instances. */
public final class InMemoryAuthorizationCodes implements AuthorizationCodes {

    private record Held(AuthorizationCode code, boolean redeemed) {
    }

    private final ExpiringMap<SecretHash, Held> codes;

    public InMemoryAuthorizationCodes(Clock clock) {
        this.codes = new ExpiringMap<>(clock);
    }

    @Override
    public void add(AuthorizationCode code) {
        codes.put(code.codeHash(), new Held(code, false), code.expiresAt());
    }

    @Override
    public CodeRedemption redeem(SecretHash codeHash) {
        Optional<Held> before = codes.update(codeHash, (hash, held) -> new Held(held.code(), true));
        if (before.isEmpty()) {
            return new CodeRedemption.Unknown();
        }
        return before.get().redeemed() ? new CodeRedemption.Replayed(before.get().code().familyId())
                : new CodeRedemption.Redeemed(before.get().code());
    }
}
