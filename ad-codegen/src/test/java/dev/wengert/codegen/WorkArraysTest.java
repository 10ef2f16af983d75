package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Local {@code double[]} work arrays: created with {@code new double[n]}, filled from x and data (with
 * {@code =}, {@code +=}, overwrites, writes in branches), then read. Each function is checked against the
 * same Java run directly (1e-12 relative), against the tape (1e-12 relative to the largest entry: the sums
 * are grouped differently) and against central finite differences (to their truncation error, the tolerances
 * of {@link Checks#agreesWithFiniteDifferences}).
 */
class WorkArraysTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;
            import dev.wengert.ad.Wrt;

            public class Work {
                /**
                 * A padded ghost-cell grid: boundary data everywhere first, then x over the interior (an
                 * overwrite), then a 5-point stencil energy read from the padded grid.
                 */
                @Differentiate
                public static double padded(@Wrt double[] x, double[] boundary, int m) {
                    int w = m + 2;
                    double[] u = new double[w * w];
                    for (int k = 0; k < w * w; k++) {
                        u[k] = boundary[k];
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            u[(i + 1) * w + j + 1] = x[i * m + j];
                        }
                    }
                    double h = 1.0 / (m + 1);
                    double e = 0;
                    for (int i = 1; i <= m; i++) {
                        for (int j = 1; j <= m; j++) {
                            double c = u[i * w + j];
                            double dx = (u[i * w + j + 1] - c) / h;
                            double dy = (u[(i + 1) * w + j] - c) / h;
                            double dxl = (c - u[i * w + j - 1]) / h;
                            e = e + 0.5 * h * h * Math.sqrt(1 + dx * dx + dy * dy) + 0.125 * h * h * dxl * dxl * c;
                        }
                    }
                    return e;
                }

                /** One element written by every iteration (the last write wins), += and -= fills, branches. */
                @Differentiate
                public static double overwrites(double[] x) {
                    int n = x.length;
                    double[] a = new double[n + 1];
                    for (int i = 0; i < n; i++) {
                        a[n] = x[i] * x[i];
                    }
                    for (int i = 0; i < n; i++) {
                        if (x[i] > 0) {
                            a[i] = Math.exp(x[i]);
                        } else {
                            a[i] = -x[i] * x[(i + 1) % n];
                        }
                        a[i] += 2 * x[i];
                        a[(i + 1) % n] -= 0.5 * x[i] * x[i];
                    }
                    a[0]++;
                    double s = 0;
                    for (double ai : a) {
                        s += ai * ai;
                    }
                    return s * a[n];
                }

                /** A second work array computed from the first, and a helper that reads one. */
                @Differentiate
                public static double chained(double[] x) {
                    int n = x.length;
                    double[] u = new double[n];
                    for (int i = 0; i < n; i++) {
                        u[i] = Math.sin(x[i]);
                    }
                    double[] v = new double[n];
                    for (int i = 1; i < n - 1; i++) {
                        v[i] = u[i - 1] * u[i + 1];
                    }
                    v[0] = u[0] * x[n - 1];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += Helpers.square(v, i) + u[i] * v[i];
                    }
                    return s + v.length * u[n - 1];
                }
            }

            class Ghosts {
                /** Zero ghost cells at both ends that nothing writes: u is not cleared between calls. */
                @Differentiate
                static double chain(double[] x, int m) {
                    double[] u = new double[m + 2];
                    for (int i = 0; i < m; i++) {
                        u[i + 1] = x[i] * x[i];
                    }
                    double s = 0;
                    for (int i = 0; i <= m; i++) {
                        double d = u[i + 1] - u[i];
                        s += d * d;
                    }
                    return s;
                }
            }

            class Helpers {
                static double square(double[] a, int i) {
                    return a[i] * a[i];
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Work", SOURCE);
    }

    // ---- padded ----

    private static double padded(double[] x, double[] boundary, int m) {
        int w = m + 2;
        double[] u = boundary.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                u[(i + 1) * w + j + 1] = x[i * m + j];
            }
        }
        double h = 1.0 / (m + 1);
        double e = 0;
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= m; j++) {
                double c = u[i * w + j];
                double dx = (u[i * w + j + 1] - c) / h;
                double dy = (u[(i + 1) * w + j] - c) / h;
                double dxl = (c - u[i * w + j - 1]) / h;
                e += 0.5 * h * h * Math.sqrt(1 + dx * dx + dy * dy) + 0.125 * h * h * dxl * dxl * c;
            }
        }
        return e;
    }

    private static Var paddedOnTape(Var[] x, double[] boundary, int m) {
        int w = m + 2;
        Var[] u = new Var[w * w];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                u[(i + 1) * w + j + 1] = x[i * m + j];
            }
        }
        double h = 1.0 / (m + 1);
        Var e = null;
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= m; j++) {
                Var c = u[i * w + j];
                Var dx = minus(u[i * w + j + 1], boundary[i * w + j + 1], c).div(h);
                Var dy = minus(u[(i + 1) * w + j], boundary[(i + 1) * w + j], c).div(h);
                Var dxl = minus(c, u[i * w + j - 1], boundary[i * w + j - 1]).div(h);
                Var term = dx.times(dx).plus(dy.times(dy)).plus(1).sqrt().times(0.5 * h * h)
                        .plus(dxl.times(dxl).times(c).times(0.125 * h * h));
                e = e == null ? term : e.plus(term);
            }
        }
        return e;
    }

    /** a - c, where a is a grid cell that is either a variable or (null) boundary data. */
    private static Var minus(Var a, double aData, Var c) {
        return a == null ? Var.minus(aData, c) : a.minus(c);
    }

    /** c - b, where b is a grid cell that is either a variable or (null) boundary data. */
    private static Var minus(Var c, Var b, double bData) {
        return b == null ? c.minus(bData) : c.minus(b);
    }

    private static double[] boundary(int m) {
        int w = m + 2;
        double[] b = new double[w * w];
        for (int k = 0; k < b.length; k++) {
            b[k] = 0.3 * Math.cos(0.9 * k) + 0.1;
        }
        return b;
    }

    private static double[] point(int n, double a, double c) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = a * Math.sin(0.7 * k + c);
        }
        return x;
    }

    @Test
    void aPaddedGhostCellGridFilledFromBoundaryDataAndXMatchesTheTape() {
        int m = 4;
        double[] boundary = boundary(m);
        Objective f = compiled.objective("p.WorkPaddedDerivatives", boundary, m);
        double[] x = point(m * m, 0.8, 0.2);
        double[] v = point(m * m, 1.0, 1.1);
        assertClose(padded(x, boundary, m), f.value(x), 1e-12 * Math.abs(padded(x, boundary, m)), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(y -> paddedOnTape(y, boundary, m), x), x, v);
    }

    @Test
    void aWorkArrayIsClearedOnEveryCallAndFollowsTheDataSize() {
        double[] boundary3 = boundary(3);
        double[] boundary5 = boundary(5);
        Objective f3 = compiled.objective("p.WorkPaddedDerivatives", boundary3, 3);
        Objective f5 = compiled.objective("p.WorkPaddedDerivatives", boundary5, 5);
        double[] x3 = point(9, 0.5, 0.3);
        double[] x5 = point(25, 0.5, 0.3);
        double[] g = new double[25];
        for (int call = 0; call < 3; call++) {
            assertClose(padded(x3, boundary3, 3), f3.value(x3), 1e-12, "m = 3, call " + call);
            assertClose(padded(x5, boundary5, 5), f5.gradient(x5, g), 1e-12, "m = 5, call " + call);
        }
    }

    @Test
    void threadsSharingOneInstanceEachUseTheirOwnWorkArrays() throws Exception {
        int m = 6;
        double[] boundary = boundary(m);
        Objective f = compiled.objective("p.WorkPaddedDerivatives", boundary, m);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 16; task++) {
                double[] x = point(m * m, 0.5, task);
                results.add(pool.submit(() -> {
                    double[] g = new double[m * m];
                    for (int repeat = 0; repeat < 200; repeat++) {
                        f.gradient(x, g);
                    }
                    return g;
                }));
            }
            for (int task = 0; task < 16; task++) {
                double[] g = new double[m * m];
                f.gradient(point(m * m, 0.5, task), g);
                assertClose(g, results.get(task).get(), 0, "task " + task);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ghostCellsNoWriteReachesStayZeroFromCallToCall() {
        int m = 4;
        Objective f = compiled.objective("p.GhostsChainDerivatives", m);
        double[] v = {1, -1, 0.5, 2};
        for (double[] x : new double[][] {{0.5, -1, 2, 0.3}, {1.5, 0.2, -0.7, 1.1}, {0.5, -1, 2, 0.3}}) {
            double[] u = new double[m + 2];
            for (int i = 0; i < m; i++) {
                u[i + 1] = x[i] * x[i];
            }
            double expected = 0;
            for (int i = 0; i <= m; i++) {
                expected += (u[i + 1] - u[i]) * (u[i + 1] - u[i]);
            }
            assertClose(expected, f.value(x), 1e-12 * expected, "value");
            Checks.agreesWithFiniteDifferences(f, x, v);
        }
    }

    // ---- overwrites ----

    private static double overwrites(double[] x) {
        int n = x.length;
        double[] a = new double[n + 1];
        a[n] = x[n - 1] * x[n - 1];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] > 0 ? Math.exp(x[i]) : -x[i] * x[(i + 1) % n];
            a[i] += 2 * x[i];
            a[(i + 1) % n] -= 0.5 * x[i] * x[i];
        }
        a[0]++;
        double s = 0;
        for (double ai : a) {
            s += ai * ai;
        }
        return s * a[n];
    }

    private static Var overwritesOnTape(Var[] x) {
        int n = x.length;
        Var[] a = new Var[n + 1];
        a[n] = x[n - 1].times(x[n - 1]);
        for (int i = 0; i < n; i++) {
            Var written = x[i].gt(0) ? x[i].exp() : x[i].unaryMinus().times(x[(i + 1) % n]);
            a[i] = (a[i] == null ? written : written).plus(x[i].times(2));
            int next = (i + 1) % n;
            Var cut = x[i].times(x[i]).times(0.5);
            a[next] = a[next] == null ? cut.unaryMinus() : a[next].minus(cut);
        }
        a[0] = a[0].plus(1);
        Var s = a[0].times(a[0]);
        for (int k = 1; k <= n; k++) {
            s = s.plus(a[k].times(a[k]));
        }
        return s.times(a[n]);
    }

    @Test
    void overwrittenElementsPassTheirAdjointOnlyToTheLastWrite() {
        Objective f = compiled.objective("p.WorkOverwritesDerivatives");
        double[] v = {0.5, -1, 0.25, 2, -0.75};
        for (double[] x : new double[][] {{0.3, -0.6, 0.9, -0.2, 0.45}, {-0.3, 0.6, -0.9, 0.2, -0.45}}) {
            assertClose(overwrites(x), f.value(x), 1e-12 * Math.abs(overwrites(x)), "value");
            Checks.agreesWithFiniteDifferences(f, x, v);
            Checks.agreesWithTape(f, Tape.record(WorkArraysTest::overwritesOnTape, x), x, v);
        }
    }

    // ---- chained ----

    private static double chained(double[] x) {
        int n = x.length;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.sin(x[i]);
        }
        double[] v = new double[n];
        for (int i = 1; i < n - 1; i++) {
            v[i] = u[i - 1] * u[i + 1];
        }
        v[0] = u[0] * x[n - 1];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i] + u[i] * v[i];
        }
        return s + n * u[n - 1];
    }

    private static Var chainedOnTape(Var[] x) {
        int n = x.length;
        Var[] u = new Var[n];
        for (int i = 0; i < n; i++) {
            u[i] = x[i].sin();
        }
        Var[] v = new Var[n];
        for (int i = 1; i < n - 1; i++) {
            v[i] = u[i - 1].times(u[i + 1]);
        }
        v[0] = u[0].times(x[n - 1]);
        Var s = u[n - 1].times(n);
        for (int i = 0; i < n - 1; i++) {
            s = s.plus(v[i].times(v[i])).plus(u[i].times(v[i]));
        }
        return s;
    }

    @Test
    void aWorkArrayComputedFromAnotherAndReadByAHelperMatchesTheTape() {
        Objective f = compiled.objective("p.WorkChainedDerivatives");
        double[] x = point(6, 1.2, 0.4);
        double[] v = point(6, 1.0, 2.0);
        assertClose(chained(x), f.value(x), 1e-12 * Math.abs(chained(x)), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(WorkArraysTest::chainedOnTape, x), x, v);
    }

    @Test
    void theGeneratedClassKeepsItsWorkArraysPerThreadAndSaysItsHessianIsByColumns() {
        String source = compiled.generatedSources().entrySet().stream().filter(e -> e.getKey().contains("WorkPaddedDerivatives"))
                .map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(source.contains("ThreadLocal<Workspace>"), source);
        // every write of u is an assignment outside ifs, the same elements in every call: u is not cleared
        assertTrue(source.contains("work.u = sized(work.u, "), source);
        assertTrue(source.contains("work.uBar = cleared(work.uBar, "), source);
        assertTrue(source.contains("work.uBar"), source);
        assertFalse(source.contains("new double[w"), source);
        assertTrue(source.contains("One Hessian-vector product per column"), source);
    }
}
