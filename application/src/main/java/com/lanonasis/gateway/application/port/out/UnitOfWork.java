package com.lanonasis.gateway.application.port.out;

import com.lanonasis.gateway.domain.shared.Outcome;
import java.util.function.Supplier;

/**
 * Runs work in one transaction. Each call site says what ends it: {@link #allOrNothing} keeps the
 * writes only if the use case succeeded, {@link #alwaysCommit} keeps them whatever the work returns.
 * A thrown exception rolls back either way. Work already inside a transaction joins it.
 */
public interface UnitOfWork {

    /** Commits a {@link Outcome.Done}; rolls back a {@link Outcome.Rejected}, so a use case may refuse part-way. */
    <T> Outcome<T> allOrNothing(Supplier<Outcome<T>> work);

    /**
     * Commits whatever the work returns, refusals included: for work whose refusal still has effects to keep,
     * such as revoking a refresh-token family when a used token is replayed.
     */
    <T> T alwaysCommit(Supplier<T> work);

    /**
     * Writes that only add rows of their own (an access token and its audit row): committed before this
     * returns, possibly in one transaction together with other callers' such writes (group commit). The
     * work may run on another thread, and again alone if the shared transaction fails, so it must do
     * nothing but those writes. Inside an open transaction it simply joins it.
     */
    default <T> T groupCommit(Supplier<T> work) {
        return alwaysCommit(work);
    }
}
