package dev.wengert.ad;

import java.util.function.Supplier;

/**
 * A value worked out on first use, at most once, then shared by every thread (double-checked locking on a
 * volatile field): the plans a recording builds only when a method first needs them (sparse patterns,
 * colorings, the dense Hessian's method), so that a recording that never asks costs nothing for them.
 *
 * <pre>{@code
 * private final Lazy<SparseJacobian> sparseJacobian = new Lazy<>(() -> SparseJacobian.of(tape));
 * SparseJacobian plan = sparseJacobian.get();
 * }</pre>
 *
 * @param <T> the value's type
 */
final class Lazy<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    /** The value, made by the first call. */
    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if a call of {@link #get} has made it, else null. */
    T ifMade() {
        return value;
    }
}
