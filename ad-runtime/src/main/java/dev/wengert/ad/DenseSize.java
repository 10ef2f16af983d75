package dev.wengert.ad;

import java.util.Locale;

/**
 * Sizes of dense results, computed in {@code long}: n * n overflows {@code int} from n = 46,341,
 * and a wrapped product would pass a length check (n = 65,536 gives 0) or size an array negatively.
 */
final class DenseSize {
    /** The largest array HotSpot allocates (a few header words below {@code Integer.MAX_VALUE}). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private DenseSize() {
    }

    /** Entries of the dense n x n Hessian, or a {@link ResultTooLargeException} if no array can hold them. */
    static int hessian(String driver, int n) {
        long entries = (long) n * n;
        if (entries > MAX_ARRAY) {
            throw new ResultTooLargeException(String.format(Locale.ROOT,
                    "%s: n = %,d: a dense Hessian has %,d entries and needs %s, more than a Java array holds"
                            + " (n <= 46,340); use sparseHessian (the non-zeros, in hessianPattern() order) or"
                            + " hessianVector (H v without forming H) instead",
                    driver, n, entries, bytes(8 * entries)));
        }
        return (int) entries;
    }

    /** Entries of the dense m x n Jacobian, or a {@link ResultTooLargeException} if no array can hold them. */
    static int jacobian(String driver, int m, int n) {
        long entries = (long) m * n;
        if (entries > MAX_ARRAY) {
            throw new ResultTooLargeException(String.format(Locale.ROOT,
                    "%s: m = %,d outputs, n = %,d inputs: a dense Jacobian has %,d entries and needs %s, more than"
                            + " a Java array holds; use sparseJacobian (the non-zeros) or jvp or vjp (one column or row"
                            + " at a time) instead",
                    driver, m, n, entries, bytes(8 * entries)));
        }
        return (int) entries;
    }

    /**
     * A new zeroed array of {@code entries} doubles for a result the caller did not supply, or a
     * {@link ResultTooLargeException} when it exceeds the heap this JVM may ever grow to (-Xmx),
     * rather than an {@code OutOfMemoryError} after a long wait.
     */
    static double[] allocate(String driver, String what, int entries) {
        long needed = 8L * entries;
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && needed > max) {
            throw new ResultTooLargeException(String.format(Locale.ROOT,
                    "%s: the %s needs %s but this JVM's heap is at most %s; raise -Xmx or use the sparse or"
                            + " matrix-free drivers (sparseHessian, sparseJacobian, hessianVector, jvp, vjp)",
                    driver, what, bytes(needed), bytes(max)));
        }
        return new double[entries];
    }

    /** Bytes for a reader: "34.4 GB", "512 MB". */
    static String bytes(long b) {
        if (b >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        if (b >= 1_000_000L) return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
        return String.format(Locale.ROOT, "%,d bytes", b);
    }
}
