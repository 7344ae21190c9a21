package com.lanonasis.gateway.domain.codes;

/** What happened when a code was presented: it is single-use, and a second use is a signal. */
public sealed interface CodeRedemption {

    record Redeemed(AuthorizationCode code) implements CodeRedemption {
    }

    /** The code was already used: whatever it produced must be revoked. */
    record Replayed(String familyId) implements CodeRedemption {
    }

    record Unknown() implements CodeRedemption {
    }
}
