package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Functions written the way numerical Java is written, not in the subset's first style: {@code var},
 * {@code final} and {@code boolean} locals, sums as {@code f = f + e}, for-each loops. Each is checked
 * against the same Java evaluated directly, against finite differences, and against the tape.
 */
class EverydayJavaTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;
            import dev.wengert.ad.Wrt;

            public class Everyday {
                /** A robust fit: var, final and boolean locals, f = f + e. */
                @Differentiate
                public static double fit(@Wrt double[] x, double[] t, double[] y) {
                    var f = 0.0;
                    for (int i = 0; i < t.length; i++) {
                        final double model = x[0] * Math.exp(-x[1] * t[i]) + x[2];
                        var r = model - y[i];
                        boolean outlier = Math.abs(r) > 1.0;
                        f = f + (outlier ? 2 * Math.abs(r) - 1 : r * r);
                    }
                    return f;
                }

                /** f = e + f over a for-each; f = f - a + b; a boolean local outside the loops. */
                @Differentiate
                public static double mixed(double[] x) {
                    double s = 0;
                    for (double xi : x) {
                        s = xi * xi + s;
                    }
                    double c = 0;
                    for (int i = 1; i < x.length; i++) {
                        c = c - x[i] * x[i - 1] + 0.5 * Math.sin(x[i]);
                    }
                    boolean big = s > 4;
                    double scale = big ? 0.5 : 1.0;
                    if (big) {
                        c = c * 2;
                    }
                    return scale * s + c;
                }

                /** A minimal-surface energy on an m x m grid, zero outside: boundary tests in boolean locals. */
                @Differentiate
                public static double grid(double[] u, int m) {
                    var h = 1.0 / (m + 1);
                    double e = 0;
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            final double c = u[i * m + j];
                            boolean lastRow = i == m - 1;
                            boolean lastColumn = j == m - 1;
                            double down = lastRow ? 0.0 : u[(i + 1) * m + j];
                            double right = lastColumn ? 0.0 : u[i * m + j + 1];
                            double dx = (right - c) / h;
                            double dy = (down - c) / h;
                            e = e + 0.5 * h * h * Math.sqrt(1 + dx * dx + dy * dy);
                        }
                    }
                    return e;
                }

                /** An index walked with k += 2 and k++, a counting while loop, their values after the loops. */
                @Differentiate
                public static double walked(@Wrt double[] x, double[] c) {
                    int k = 0;
                    double s = 0;
                    for (int i = 0; i < c.length; i++) {
                        s += c[i] * x[k] * x[k + 1];
                        k += 2;
                        s += 0.5 * x[k - 1];
                        k--;
                        k++;
                    }
                    int j = 1;
                    while (j <= x.length - 1) {
                        s = s + Math.sin(x[j]) * (j + k);
                        j += 2;
                    }
                    return s * j;
                }

                /** for-each over a data array. */
                @Differentiate
                public static double weighted(@Wrt double[] x, double[] weights) {
                    double s = 0;
                    for (double w : weights) {
                        s += (w + 1) * x[0] * x[1] + w * Math.cos(x[1]);
                    }
                    return s;
                }
            }
            """;

    private static final double[] T = {0, 0.5, 1, 1.5, 2, 2.5, 3};
    private static final double[] Y = {3.1, 2.2, 1.9, 4.0, 1.1, 0.9, -0.5};

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Everyday", SOURCE);
    }

    private static double fit(double[] x) {
        double f = 0;
        for (int i = 0; i < T.length; i++) {
            double r = x[0] * Math.exp(-x[1] * T[i]) + x[2] - Y[i];
            f += Math.abs(r) > 1.0 ? 2 * Math.abs(r) - 1 : r * r;
        }
        return f;
    }

    private static Var fitOnTape(Var[] x) {
        Var f = null;
        for (int i = 0; i < T.length; i++) {
            Var r = x[0].times(x[1].times(-T[i]).exp()).plus(x[2]).minus(Y[i]);
            Var term = r.abs().gt(1.0) ? r.abs().times(2).minus(1) : r.times(r);
            f = f == null ? term : f.plus(term);
        }
        return f;
    }

    @Test
    void varFinalAndBooleanLocalsAndSelfAssignedSumsDifferentiate() {
        Objective f = compiled.objective("p.EverydayFitDerivatives", T, Y);
        double[] x = {2.5, 0.6, 0.2};
        assertClose(fit(x), f.value(x), 1e-13 * fit(x), "value");
        Checks.agreesWithFiniteDifferences(f, x, new double[] {1, -0.5, 0.25});
        Checks.agreesWithTape(f, Tape.record(EverydayJavaTest::fitOnTape, x), x, new double[] {1, -0.5, 0.25});
    }

    private static double mixed(double[] x) {
        double s = 0;
        for (double xi : x) {
            s += xi * xi;
        }
        double c = 0;
        for (int i = 1; i < x.length; i++) {
            c += -x[i] * x[i - 1] + 0.5 * Math.sin(x[i]);
        }
        return s > 4 ? 0.5 * s + 2 * c : s + c;
    }

    private static Var mixedOnTape(Var[] x) {
        Var s = x[0].times(x[0]);
        for (int i = 1; i < x.length; i++) {
            s = s.plus(x[i].times(x[i]));
        }
        Var c = x[1].times(x[0]).unaryMinus().plus(x[1].sin().times(0.5));
        for (int i = 2; i < x.length; i++) {
            c = c.minus(x[i].times(x[i - 1])).plus(x[i].sin().times(0.5));
        }
        return s.gt(4) ? s.times(0.5).plus(c.times(2)) : s.plus(c);
    }

    @Test
    void forEachAndSumsWithTheTargetOnEitherSideDifferentiateOnBothBranches() {
        Objective f = compiled.objective("p.EverydayMixedDerivatives");
        double[] v = {0.5, 1, -1, 0.25};
        for (double[] x : new double[][] {{0.7, -0.3, 1.2, 0.4}, {1.7, -1.3, 1.2, 0.9}}) {
            assertClose(mixed(x), f.value(x), 1e-14, "value");
            Checks.agreesWithFiniteDifferences(f, x, v);
            Checks.agreesWithTape(f, Tape.record(EverydayJavaTest::mixedOnTape, x), x, v);
        }
    }

    private static Var gridOnTape(Var[] u, int m) {
        double h = 1.0 / (m + 1);
        Var e = null;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Var c = u[i * m + j];
                Var dx = (j == m - 1 ? c.unaryMinus() : u[i * m + j + 1].minus(c)).div(h);
                Var dy = (i == m - 1 ? c.unaryMinus() : u[(i + 1) * m + j].minus(c)).div(h);
                Var term = dx.times(dx).plus(dy.times(dy)).plus(1).sqrt().times(0.5 * h * h);
                e = e == null ? term : e.plus(term);
            }
        }
        return e;
    }

    @Test
    void aGridEnergyWithBoundaryTestsInBooleanLocalsMatchesTheTape() {
        int m = 4;
        Objective f = compiled.objective("p.EverydayGridDerivatives", m);
        double[] u = new double[m * m];
        double[] v = new double[m * m];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.sin(0.7 * k + 0.2);
            v[k] = Math.cos(0.3 * k);
        }
        Checks.agreesWithFiniteDifferences(f, u, v);
        Checks.agreesWithTape(f, Tape.record(x -> gridOnTape(x, m), u), u, v);
    }

    private static double walked(double[] x, double[] c) {
        int k = 0;
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * x[k] * x[k + 1];
            k += 2;
            s += 0.5 * x[k - 1];
        }
        int j = 1;
        while (j <= x.length - 1) {
            s += Math.sin(x[j]) * (j + k);
            j += 2;
        }
        return s * j;
    }

    private static Var walkedOnTape(Var[] x, double[] c) {
        Var s = x[0].times(x[1]).times(c[0]).plus(x[1].times(0.5));
        for (int i = 1; i < c.length; i++) {
            s = s.plus(x[2 * i].times(x[2 * i + 1]).times(c[i])).plus(x[2 * i + 1].times(0.5));
        }
        int j = 1;
        for (; j <= x.length - 1; j += 2) {
            s = s.plus(x[j].sin().times(j + 2 * c.length));
        }
        return s.times(j);
    }

    @Test
    void walkedIndicesAndCountingWhileLoopsKeepTheirValuesAfterTheLoop() {
        double[] c = {1.5, -0.5, 2};
        Objective f = compiled.objective("p.EverydayWalkedDerivatives", (Object) c);
        double[] x = {0.3, -0.7, 1.1, 0.4, -0.2, 0.9, 0.6};
        double[] v = {1, -1, 0.5, 0.25, 2, -0.5, 1};
        assertClose(walked(x, c), f.value(x), 1e-14, "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(y -> walkedOnTape(y, c), x), x, v);
        double[] empty = {};
        Objective none = compiled.objective("p.EverydayWalkedDerivatives", (Object) empty);
        assertClose(walked(new double[] {2.0}, empty), none.value(new double[] {2.0}), 0, "no iterations");
    }

    @Test
    void forEachOverADataArrayBindsEachElement() {
        double[] weights = {0, 2.5, -3};
        Objective f = compiled.objective("p.EverydayWeightedDerivatives", (Object) weights);
        double[] x = {0.8, -0.4};
        double expected = 0;
        for (double w : weights) {
            expected += (w + 1) * x[0] * x[1] + w * Math.cos(x[1]);
        }
        assertClose(expected, f.value(x), 1e-15, "value");
        Checks.agreesWithFiniteDifferences(f, x, new double[] {1, 2});
    }
}
