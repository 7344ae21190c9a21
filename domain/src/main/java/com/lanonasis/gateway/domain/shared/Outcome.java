package com.lanonasis.gateway.domain.shared;

import java.util.function.Function;

/** The result of a use case: done with a value, or rejected for a stated reason. */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <T> Outcome<T> notFound(String what) {
        return rejected(new Rejection.NotFound(what));
    }

    static <T> Outcome<T> forbidden(Scope required) {
        return rejected(new Rejection.Forbidden(required));
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Done<T> done) {
            return new Done<>(mapper.apply(done.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }

    default <R> R fold(Function<? super T, ? extends R> onDone, Function<Rejection, ? extends R> onRejected) {
        if (this instanceof Done<T> done) {
            return onDone.apply(done.value());
        }
        return onRejected.apply(((Rejected<T>) this).rejection());
    }
}
