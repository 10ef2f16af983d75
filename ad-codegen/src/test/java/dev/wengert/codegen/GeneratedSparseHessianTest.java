package dev.wengert.codegen;

import dev.wengert.ad.workloads.ThomsonWorkload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.DimensionMismatchException;
import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.Test;

/**
 * Sparse Hessians of generated classes: where f is a sum of per-iteration terms, the pattern is the
 * union of the local Hessians' entries and the values are the local Hessians added into it. Each
 * workload is checked three ways: the generated sparse Hessian against the generated dense one and
 * against the tape's sparse Hessian, and the generated pattern against the tape's (the structural
 * non-zeros).
 */
class GeneratedSparseHessianTest {

    // The three Hessians sum the same products of partials in different orders (local blocks
    // against per-color compressed sweeps), so they agree to round-off: 1e-13 relative, with a
    // floor of 1e-13 of the largest entry for entries that cancel towards zero.
    private static final double RTOL = 1e-13;

    private static final String ROSENBROCK = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Rosenbrock {
                @Differentiate
                static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        s += 100 * a * a + b * b;
                    }
                    return s;
                }
            }
            """;

    // The minimal-surface energy on an m x m grid; a neighbour outside the grid reads the boundary
    // value instead of x, through a ?: whose taken branch depends on the indices only.
    private static final String GRID = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Grid {
                static final double BOUNDARY = 0.25;

                @Differentiate
                static double area(double[] x, int m) {
                    double s = 0;
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < m; j++) {
                            double c = x[i * m + j];
                            double right = j + 1 < m ? x[i * m + j + 1] : BOUNDARY;
                            double down = i + 1 < m ? x[(i + 1) * m + j] : BOUNDARY;
                            double dr = right - c, dd = down - c;
                            s += Math.sqrt(1 + dr * dr + dd * dd);
                        }
                    return s;
                }
            }
            """;

    // Which neighbour interacts depends on x: the pattern holds both branches, the values only the taken one.
    private static final String SWITCHING = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Switching {
                @Differentiate
                static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length - 2; i++) {
                        if (x[i] > 0) {
                            s += x[i] * x[i + 1] * x[i + 1];
                        } else {
                            s += Math.exp(x[i] * x[i + 2]);
                        }
                    }
                    return s;
                }
            }
            """;

    private static final String NOT_A_SUM = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Norm {
                @Differentiate
                static double f(double[] x) {
                    double s = 1;
                    for (int i = 0; i < x.length; i++) s += x[i] * x[i];
                    return Math.sqrt(s);
                }
            }
            """;

    private static final String FIXED = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Fixed {
                @Differentiate
                static double f(double[] x) {
                    return x[0] * x[0] * x[2] + Math.sin(x[1]);
                }
            }
            """;

    @Test
    void thomsonSparseHessianIsTheTapesAndTheDenseOne() {
        Objective f = localHessianClass("Thomson", ThomsonEnergyTest.SOURCE, "p.ThomsonEnergyDerivatives");
        double[] x = ThomsonWorkload.points(12);
        SparsityPattern pattern = agreesWithDenseAndTape(f, ThomsonWorkload::energy, x);
        assertEquals(SparsityPattern.dense(36, 36), pattern, "every pair interacts: the pattern is dense");
    }

    @Test
    void rosenbrockSparseHessianIsTheTapesAndTheDenseOne() {
        Objective f = localHessianClass("Rosenbrock", ROSENBROCK, "p.RosenbrockFDerivatives");
        double[] x = wiggled(50);
        SparsityPattern pattern = agreesWithDenseAndTape(f, GeneratedSparseHessianTest::rosenbrock, x);
        assertEquals(50 + 2 * 49, pattern.nonZeros(), "tridiagonal");
    }

    @Test
    void gridWithBoundaryBranchesIsAssembledFromLocalHessians() {
        int m = 6;
        Objective f = localHessianClass("Grid", GRID, "p.GridAreaDerivatives", m);
        agreesWithDenseAndTape(f, x -> grid(x, m), wiggled(m * m));
    }

    @Test
    void aBranchOnXAddsOnlyTheTakenBlockIntoTheUnionOfBoth() {
        Objective f = localHessianClass("Switching", SWITCHING, "p.SwitchingFDerivatives");
        double[] x = wiggled(20);   // mixed signs: both branches run
        SparsityPattern pattern = f.hessianPattern(x.length);
        for (int i = 0; i + 2 < x.length; i++) {
            assertTrue(pattern.indexOf(i, i + 1) >= 0 && pattern.indexOf(i, i + 2) >= 0, "both branches' entries");
        }
        assertEquals(-1, pattern.indexOf(0, 3));
        double[] dense = new double[x.length * x.length];
        f.hessian(x, dense);
        assertSparseEqualsDense(f, x, dense);
    }

    @Test
    void aFunctionThatIsNotASumPacksTheDenseHessianIntoTheDensePattern() {
        InProcessCompiler.Result r = Generated.compile("Norm", NOT_A_SUM);
        assertTrue(r.generatedSources().values().stream().anyMatch(s -> s.contains("packed into the pattern's order")));
        Objective f = r.objective("p.NormFDerivatives");
        double[] x = wiggled(7);
        assertEquals(SparsityPattern.dense(7, 7), f.hessianPattern(7));
        double[] dense = new double[49];
        f.hessian(x, dense);
        assertSparseEqualsDense(f, x, dense);
    }

    @Test
    void aLongIterationSplitIntoMethodsKeepsItsSlotsInStep() {
        StringBuilder terms = new StringBuilder();
        for (int k = 1; k <= 60; k++) {
            terms.append("            s += Math.sin(").append(0.01 * k).append(" * x[i] + x[i + 1] * x[i + 2 * (")
                    .append(k % 2).append(")]) * (x[i] > 0 ? x[i + 1] : ").append(k).append(");\n");
        }
        String source = "package p;\n\nimport dev.wengert.ad.Differentiate;\n\npublic class Long {\n"
                + "    @Differentiate\n    static double f(double[] x) {\n        double s = 0;\n"
                + "        for (int i = 0; i < x.length - 2; i++) {\n" + terms + "        }\n        return s;\n    }\n}\n";
        InProcessCompiler.Result r = Generated.compile("Long", source);
        assertTrue(r.generatedSources().values().stream().anyMatch(s -> s.contains("slot = sparseHessianPart")),
                "the sparse Hessian's body is split and the slot counter handed through");
        Objective f = r.objective("p.LongFDerivatives");
        double[] x = wiggled(9);
        assertSparseEqualsDense(f, x, denseHessian(f, x));
    }

    @Test
    void thePatternIsCachedForTheLastLengthAndRecomputedForAnother() {
        Objective f = Generated.objective("Rosenbrock", ROSENBROCK, "RosenbrockFDerivatives");
        SparsityPattern five = f.hessianPattern(5);
        assertSame(five, f.hessianPattern(5));
        assertEquals(5, five.rows());
        assertEquals(9, f.hessianPattern(9).rows());
        assertEquals(five, f.hessianPattern(5));
        assertSparseEqualsDense(f, wiggled(9), denseHessian(f, wiggled(9)));
        assertSparseEqualsDense(f, wiggled(5), denseHessian(f, wiggled(5)));
    }

    @Test
    void aFixedDimensionHasAPatternWithoutN() {
        Objective f = Generated.objective("Fixed", FIXED, "FixedFDerivatives");
        SparsityPattern p = f.hessianPattern();
        assertEquals(SparsityPattern.ofRows(3, new int[][] {{0, 2}, {1}, {0}}), p);
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class, () -> f.hessianPattern(2));
        assertTrue(e.getMessage().contains("reads x[2]"), e.getMessage());
        assertSparseEqualsDense(f, new double[] {0.3, -0.7, 1.1}, denseHessian(f, new double[] {0.3, -0.7, 1.1}));
    }

    @Test
    void badInputGetsTheContractsExceptions() {
        Objective f = Generated.objective("Rosenbrock", ROSENBROCK, "RosenbrockFDerivatives");
        UnsupportedOperationException noN = assertThrows(UnsupportedOperationException.class, f::hessianPattern);
        assertTrue(noN.getMessage().contains("hessianPattern(x.length)"), noN.getMessage());
        assertThrows(DimensionMismatchException.class, () -> f.hessianPattern(-1));
        double[] x = wiggled(6);
        int nnz = f.hessianPattern(6).nonZeros();
        DimensionMismatchException values = assertThrows(DimensionMismatchException.class,
                () -> f.sparseHessian(x, new double[nnz - 1]));
        assertTrue(values.getMessage().contains("values"), values.getMessage());
        assertThrows(NullPointerException.class, () -> f.sparseHessian(null, new double[nnz]));
        double[] nan = x.clone();
        nan[2] = Double.NaN;
        assertThrows(NonFiniteException.class, () -> f.sparseHessian(nan, new double[nnz]));
    }

    // ---- checks ----

    /** Compiles the class and checks that its dense Hessian also takes the local-Hessian path. */
    private static Objective localHessianClass(String simpleName, String source, String generated, Object... data) {
        InProcessCompiler.Result r = Generated.compile(simpleName, source);
        assertTrue(r.generatedSources().values().stream().anyMatch(s -> s.contains("local Hessians straight into")),
                "the sparse Hessian is assembled from local Hessians");
        assertTrue(r.generatedSources().values().stream().noneMatch(s -> s.contains("One Hessian-vector product per column")),
                "the dense Hessian is assembled from local Hessians");
        return r.objective(generated, data);
    }

    /** The generated sparse Hessian equals its dense one and the tape's sparse one; returns the pattern. */
    private static SparsityPattern agreesWithDenseAndTape(Objective f, ScalarFunction tapeVersion, double[] x) {
        Recording tape = Tape.record(tapeVersion, x);
        SparsityPattern pattern = f.hessianPattern(x.length);
        assertEquals(tape.hessianPattern(), pattern, "the pattern is the structural non-zeros");
        double[] expected = new double[pattern.nonZeros()];
        tape.sparseHessian(x, expected);
        double[] actual = new double[pattern.nonZeros()];
        f.sparseHessian(x, actual);
        assertClose(expected, actual, "generated vs tape sparse Hessian");
        assertSparseEqualsDense(f, x, denseHessian(f, x));
        return pattern;
    }

    private static void assertSparseEqualsDense(Objective f, double[] x, double[] dense) {
        int n = x.length;
        SparsityPattern pattern = f.hessianPattern(n);
        double[] values = new double[pattern.nonZeros()];
        f.sparseHessian(x, values);
        double[] packed = new double[values.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int k = pattern.indexOf(r, c);
                if (k >= 0) {
                    packed[k] = dense[r * n + c];
                } else {
                    assertEquals(0.0, dense[r * n + c], "entry (" + r + ", " + c + ") outside the pattern");
                }
            }
        }
        assertClose(packed, values, "sparse vs dense Hessian");
    }

    private static double[] denseHessian(Objective f, double[] x) {
        double[] h = new double[x.length * x.length];
        f.hessian(x, h);
        return h;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            double tol = RTOL * Math.max(Math.abs(expected[k]), scale);
            assertEquals(expected[k], actual[k], tol, what + " at entry " + k);
        }
    }

    // ---- workloads and their tape versions ----

    private static double[] wiggled(int length) {
        double[] x = new double[length];
        for (int k = 0; k < length; k++) {
            x[k] = Math.sin(1.3 * k + 0.2) + 0.05 * k;
        }
        return x;
    }

    private static Var rosenbrock(Var[] x) {
        Var s = null;
        for (int i = 0; i < x.length - 1; i++) {
            Var a = x[i + 1].minus(x[i].square());
            Var b = Var.minus(1, x[i]);
            Var term = a.square().times(100).plus(b.square());
            s = s == null ? term : s.plus(term);
        }
        return s;
    }

    private static Var grid(Var[] x, int m) {
        Var s = null;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Var c = x[i * m + j];
                Var dr = j + 1 < m ? x[i * m + j + 1].minus(c) : Var.minus(0.25, c);
                Var dd = i + 1 < m ? x[(i + 1) * m + j].minus(c) : Var.minus(0.25, c);
                Var term = dr.square().plus(dd.square()).plus(1).sqrt();
                s = s == null ? term : s.plus(term);
            }
        }
        return s;
    }
}
