package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The dense Hessian of a pair kernel assigns its off-diagonal blocks instead of clearing all of h:
 * whatever h held before must not leak into the result, structurally zero entries of a block must
 * still be written, and a length that is not a multiple of the stride must fall back to clearing h.
 */
class PairHessianTest {

    private static final String SEPARABLE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Separable {
                @Differentiate
                static double energy(double[] x) {
                    int n = x.length / 2;
                    double e = 0;
                    for (int i = 0; i < n; i++)
                        for (int j = i + 1; j < n; j++) {
                            double d = x[2 * i] - x[2 * j];
                            double w = x[2 * j + 1] - x[2 * i + 1];
                            e += d * d * d * d + Math.cos(w);
                        }
                    return e;
                }
            }
            """;

    /** h from a zeroed array and from an array full of garbage: the same, bit for bit. */
    private static double[] hessianIgnoresOldContents(Objective f, double[] x) {
        double[] clean = new double[x.length * x.length];
        f.hessian(x, clean);
        double[] dirty = new double[clean.length];
        Arrays.fill(dirty, Double.NaN);
        f.hessian(x, dirty);
        assertArrayEquals(clean, dirty, "h held NaN before the call");
        Arrays.fill(dirty, 1e300);
        f.hessian(x, dirty);
        assertArrayEquals(clean, dirty, "h held 1e300 before the call");
        return clean;
    }

    private static double[] wiggled(int length) {
        double[] x = new double[length];
        for (int k = 0; k < length; k++) {
            x[k] = Math.sin(1.3 * k + 0.2) + 0.05 * k;
        }
        return x;
    }

    @Test
    void thomsonHessianDoesNotDependOnWhatHHeld() {
        InProcessCompiler.Result r = Generated.compile("Thomson", ThomsonEnergyTest.SOURCE);
        assertTrue(r.generatedSources().values().stream().anyMatch(s -> s.contains("row % 3")),
                "the Thomson energy takes the pair path");
        Objective f = r.objective("p.ThomsonEnergyDerivatives");
        for (int length : new int[] {3, 6, 12, 36, 13, 38}) {   // 13, 38: not a multiple of 3
            double[] x = wiggled(length);
            hessianIgnoresOldContents(f, x);
            Checks.agreesWithFiniteDifferences(f, x, Arrays.copyOf(wiggled(length + 1), length));
        }
    }

    @Test
    void structurallyZeroEntriesOfAnOffDiagonalBlockAreWritten() {
        InProcessCompiler.Result r = Generated.compile("Separable", SEPARABLE);
        assertTrue(r.generatedSources().values().stream().anyMatch(s -> s.contains("row % 2")),
                "the separable kernel takes the pair path");
        Objective f = r.objective("p.SeparableEnergyDerivatives");
        for (int length : new int[] {2, 8, 11}) {
            double[] x = wiggled(length);
            double[] h = hessianIgnoresOldContents(f, x);
            if (length >= 4) {
                assertTrue(h[0 * length + 3] == 0.0 && h[3 * length + 0] == 0.0, "d2f / dx0 dx3 is zero");
                assertFalse(h[0 * length + 2] == 0.0, "d2f / dx0 dx2 is not");
            }
            Checks.agreesWithFiniteDifferences(f, x, Arrays.copyOf(wiggled(length + 3), length));
        }
    }
}
