package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.ad.Objective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rest of the documented subset, each feature once: values against the same Java evaluated
 * directly, derivatives against finite differences (and the Hessian against the HVP).
 */
class SubsetFeaturesTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;
            import dev.wengert.ad.Wrt;

            public class Features {
                static final double ROOT2 = Math.sqrt(2);
                static final double[] W = {0.5, -1.25, 2.0};

                static int clamp(int k, int n) {
                    return Math.min(Math.max(k, 0), n - 1);
                }

                /** @Wrt on the second array; int and double data; early return; && and !. */
                @Differentiate
                public static double wrt(double[] data, @Wrt double[] theta, int m, double scale) {
                    if (theta[0] > 10 && !(theta[1] < -10)) {
                        return theta[0];
                    }
                    double r = 0;
                    for (int i = 0; i < m; i++) {
                        double e = data[i] - theta[0] * Math.exp(-theta[1] * i);
                        r += e * e;
                    }
                    return scale * r;
                }

                /** Step 2, <=, a reduction from an inner loop into a variable outside both, -= in an if. */
                @Differentiate
                public static double loops(double[] x) {
                    double s = 0;
                    double t = 1;
                    for (int i = 0; i <= x.length - 2; i += 2) {
                        for (int j = clamp(i - 1, x.length); j < x.length; j++) {
                            s += x[i] * x[j] * W[j % 3];
                        }
                        if (x[i + 1] > 0 || i == 0) {
                            t -= Math.log1p(x[i + 1] * x[i + 1]);
                        } else {
                            t += ROOT2 * Math.atan2(x[i], 1 + x[i + 1] * x[i + 1]);
                        }
                    }
                    return s + t * t;
                }

                /** An invariant read the loop never reaches when it runs zero times. */
                @Differentiate
                public static double guarded(double[] x, int k) {
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        s += x[k + 2] * x[i];
                    }
                    return s + x[0] * x[0];
                }

                /** A loop result used non-linearly: the Hessian falls back to one HVP per column. */
                @Differentiate
                public static double norm(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i] * (i + 1);
                    }
                    return Math.sqrt(s) + Math.hypot(x[0], Math.cbrt(2 + x[1]));
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Features", SOURCE);
    }

    @Test
    void wrtSelectsTheVariableAndOtherParametersBecomeFields() {
        double[] data = {1.0, 0.7, 0.45, 0.3};
        Objective f = compiled.objective("p.FeaturesWrtDerivatives", data, 4, 0.5);
        double[] theta = {0.9, 0.4};
        double r = 0;
        for (int i = 0; i < 4; i++) {
            double e = data[i] - theta[0] * Math.exp(-theta[1] * i);
            r += e * e;
        }
        assertClose(0.5 * r, f.value(theta), 1e-15, "value");
        Checks.agreesWithFiniteDifferences(f, theta, new double[] {1, -0.5});
        double[] g = new double[2];
        f.gradient(new double[] {11, 0}, g);
        assertClose(new double[] {1, 0}, g, 0, "the early-return branch");
    }

    @Test
    void loopShapesReductionsAndTablesDifferentiate() {
        Objective f = compiled.objective("p.FeaturesLoopsDerivatives");
        double[] x = {0.3, -0.4, 0.8, 0.5, -0.6, 0.2, 0.9};
        double[] w = {0.5, -1.25, 2.0};
        double s = 0;
        double t = 1;
        for (int i = 0; i <= x.length - 2; i += 2) {
            for (int j = Math.min(Math.max(i - 1, 0), x.length - 1); j < x.length; j++) {
                s += x[i] * x[j] * w[j % 3];
            }
            if (x[i + 1] > 0 || i == 0) {
                t -= Math.log1p(x[i + 1] * x[i + 1]);
            } else {
                t += Math.sqrt(2) * Math.atan2(x[i], 1 + x[i + 1] * x[i + 1]);
            }
        }
        assertClose(s + t * t, f.value(x), 1e-14, "value");
        Checks.agreesWithFiniteDifferences(f, x, new double[] {1, 0.5, -0.5, 0.25, 2, -1, 0.1});
    }

    @Test
    void readsMovedOutOfALoopRunOnlyIfTheLoopDoes() {
        double[] x = {0.5, -1.5, 2.0};
        Objective none = compiled.objective("p.FeaturesGuardedDerivatives", 0);
        double[] g = new double[3];
        assertClose(0.25, none.gradient(x, g), 0, "no iteration, no read of x[2 + k]");
        assertClose(new double[] {1.0, 0, 0}, g, 0, "gradient");
        Objective one = compiled.objective("p.FeaturesGuardedDerivatives", 1);
        assertClose(7.0 * 0.5 + 0.25, one.value(new double[] {0.5, -1.5, 2.0, 7.0}), 1e-15, "one iteration reads x[3]");
        Checks.agreesWithFiniteDifferences(one, new double[] {0.5, -1.5, 2.0, 7.0}, new double[] {1, 2, 3, 4});
    }

    @Test
    void nonLinearUseOfALoopResultStillGivesTheExactHessian() {
        Objective f = compiled.objective("p.FeaturesNormDerivatives");
        double[] x = {0.7, -0.3, 1.2, 0.4};
        double[] h = new double[16];
        f.hessian(x, h);
        double s = 0.49 + 0.09 * 2 + 1.44 * 3 + 0.16 * 4;
        double r = Math.sqrt(s);
        // s = sum (i + 1) x_i^2: d2 sqrt(s) / dx2^2 = 3 / r - 9 x2^2 / r^3
        assertClose(3 / r - 9 * 1.44 / (r * r * r), h[2 * 4 + 2], 1e-13, "H[2][2]");
        assertEquals(h[1 * 4 + 3], h[3 * 4 + 1], 0, "symmetric");
        Checks.agreesWithFiniteDifferences(f, x, new double[] {0.5, 1, -1, 0.25});
    }
}
