package com.lanonasis.gateway.domain.shared;

import java.util.function.Supplier;

/**
 * Runs work in one transaction: all of its writes land or none do. A thrown exception rolls
 * back; so does a returned {@link Outcome.Rejected}, so a use case may reject part-way.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
