package com.lanonasis.gateway.domain.retention.port.out;

import java.time.Instant;

/**
 * Outgoing port: one kind of stored record that is deleted once it is past its time (expired
 * tokens, audit and request-log rows older than their retention).
 */
public interface Purgeable {

    /** A short name for logs and metrics, e.g. {@code oauth_access_tokens}. */
    String name();

    /**
     * Deletes at most {@code batch} records whose time (expiry, or the moment they were written)
     * is before {@code cutoff}, in one short statement; the number deleted. Safe to run on several
     * instances at once: a record deleted by another is simply not counted here.
     */
    int purgeBefore(Instant cutoff, int batch);
}
