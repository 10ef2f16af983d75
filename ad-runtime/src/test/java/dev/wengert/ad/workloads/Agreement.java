package dev.wengert.ad.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreement the workload checks ask of two computations of the same derivative (analytic,
 * tape, generated, peer): entry-wise within a relative tolerance of the largest magnitude of the
 * expected array, since both sides sum the same terms in different orders and entries that cancel
 * carry the rounding of the largest partial sums.
 *
 * <pre>{@code
 * Agreement.assertClose(analyticGradient, tapeGradient, 1e-12);
 * }</pre>
 */
public final class Agreement {
    private Agreement() {
    }

    /** {@code |actual[i] - expected[i]| <= tolerance * max_k |expected[k]|} for every i, and equal lengths. */
    public static void assertClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale,
                    "entry " + i + ": expected " + expected[i] + " got " + actual[i]);
        }
    }
}
