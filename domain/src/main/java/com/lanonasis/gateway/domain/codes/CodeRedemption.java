package com.lanonasis.gateway.domain.codes;

import java.util.function.Function;
/** What happened when a code was presented: it is single-use, and a second use is a signal. */
public sealed interface CodeRedemption {

    /** One answer per result; a new result fails to compile until every caller handles it. */
    <R> R match(Function<Redeemed, R> redeemed, Function<Replayed, R> replayed, Function<Unknown, R> unknown);

    record Redeemed(AuthorizationCode code) implements CodeRedemption {
        @Override
        public <R> R match(Function<Redeemed, R> redeemed,
                Function<Replayed, R> replayed, Function<Unknown, R> unknown) {
            return redeemed.apply(this);
        }
    }

    /** The code was already used: whatever it produced must be revoked. */
    record Replayed(String familyId) implements CodeRedemption {
        @Override
        public <R> R match(Function<Redeemed, R> redeemed,
                Function<Replayed, R> replayed, Function<Unknown, R> unknown) {
            return replayed.apply(this);
        }
    }

    record Unknown() implements CodeRedemption {
        @Override
        public <R> R match(Function<Redeemed, R> redeemed,
                Function<Replayed, R> replayed, Function<Unknown, R> unknown) {
            return unknown.apply(this);
        }
    }
}
