package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sparse Hessians on the tape: the pattern is the structural non-zeros of the dense Hessian, the
 * values by edge pushing and by star-colored compressed sweeps both equal the dense Hessian, and the few
 * colors a stencil needs do not grow with n.
 */
class SparseHessianTest {

    // Recovered entries are the dense sweep's sums of the same products, one direction per color
    // instead of per column: equal to round-off (a few ulps), so 1e-13 relative, with a floor for
    // entries that cancel to zero.
    private static final double RTOL = 1e-13;
    private static final double ATOL = 1e-14;

    /** A named test function and its dimension. */
    record Case(String name, int n, ScalarFunction f) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("extended Rosenbrock", 20, SparseHessianTest::rosenbrock));
        c.add(new Case("minimal surface on a 6 x 6 grid", 36, x -> minimalSurface(x, 6)));
        c.add(new Case("chained exp-log", 15, x -> {
            List<Var> terms = new ArrayList<>();
            for (int i = 0; i + 2 < x.length; i++) {
                terms.add(x[i].times(x[i + 1]).exp().plus(x[i + 2].square().plus(1).log()));
            }
            return Var.sum(terms);
        }));
        c.add(new Case("separable", 10, x -> {
            List<Var> terms = new ArrayList<>();
            for (Var xi : x) terms.add(xi.sin().plus(xi.pow(3)));
            return Var.sum(terms);
        }));
        c.add(new Case("quotients, powers, atan2, hypot, min", 6, x -> x[0].div(x[1].plus(3))
                .plus(x[2].pow(x[3].times(0.1).plus(2)))
                .plus(Var.atan2(x[4], x[5].plus(2)))
                .plus(Var.hypot(x[0], x[5]))
                .plus(x[1].min(0.9).times(x[3]))
                .plus(x[4].abs().plus(x[5].floor()).times(2))));
        c.add(new Case("squared differences (of two inputs, with a constant both ways round, of a product)", 4,
                x -> Var.minus(1, x[0]).square()
                        .plus(x[1].minus(0.5).square().times(3))
                        .plus(x[2].minus(x[3]).square())
                        .plus(x[0].times(x[2]).minus(2).square())));
        // Squared distances without a square root: u is coupled to its right and upper neighbours, not they to
        // each other, so the pattern is the five-point stencil's.
        c.add(new Case("Dirichlet energy on a 5 x 5 grid (squared distances)", 25, x -> Var.sum(x[0].tape(), terms -> {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    Var u = x[5 * i + j];
                    Var right = j + 1 < 5 ? x[5 * i + j + 1] : x[0].tape().constant(0);
                    Var up = i + 1 < 5 ? x[5 * (i + 1) + j] : x[0].tape().constant(1);
                    terms.add(right.minus(u).square().plus(up.minus(u).square()).times(0.5));
                }
            }
        })));
        c.add(new Case("Thomson, 6 points (dense)", 18, ThomsonWorkload::energy));
        c.add(new Case("Thomson, 40 points (dense)", 120, ThomsonWorkload::energy));
        c.add(new Case("repeated arguments (x * x, sums, dots and norms of one node twice)", 4, x -> x[0].times(x[0])
                .plus(Var.sum(x[1], x[1], x[2]).square())
                .plus(Var.dot(new Var[] {x[0], x[1], x[3]}, new Var[] {x[1], x[1], x[3]}).exp())
                .plus(Var.norm(x[2], x[2], x[3]).reciprocal())
                .plus(Var.dot(new Var[] {x[2], x[3]}, new Var[] {x[3], x[0]}))));
        c.add(new Case("a chain through every input (dense)", 8, x -> {
            Var y = x[0];
            for (int i = 1; i < x.length; i++) y = y.times(x[i]).sin().plus(x[i].square());
            return y;
        }));
        return c;
    }

    static Stream<Arguments> casesPointsAndMethods() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            for (SparseHessianMethod method : SparseHessianMethod.values()) {
                for (int seed = 1; seed <= 3; seed++) out.add(Arguments.of(c, method, seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, point {2}")
    @MethodSource("casesPointsAndMethods")
    void sparseHessianEqualsTheDenseHessian(Case c, SparseHessianMethod method, int seed) {
        double[] x = point(c, seed);
        Recording r = Tape.record(c.f(), x);
        SparsityPattern p = r.hessianPattern();
        double[] values = new double[p.nonZeros()];
        r.sparseHessian(x, values, method);
        double[] dense = new double[c.n() * c.n()];
        r.hessian(x, dense);
        double[] packed = p.toDense(values);
        for (int k = 0; k < dense.length; k++) {
            double tol = ATOL + RTOL * Math.abs(dense[k]);
            assertTrue(Math.abs(dense[k] - packed[k]) <= tol, c + ", " + method + ": entry (" + k / c.n() + ", " + k % c.n() + "): dense "
                    + dense[k] + ", sparse " + packed[k]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void patternIsTheStructuralNonZerosOfTheDenseHessian(Case c) {
        Recording r = Tape.record(c.f(), point(c, 1));
        SparsityPattern p = r.hessianPattern();
        assertTrue(p.isSymmetric(), c + ": pattern is symmetric");
        boolean[] seenNonZero = new boolean[p.nonZeros()];
        for (int seed = 1; seed <= 3; seed++) {
            double[] x = point(c, seed);
            double[] dense = new double[c.n() * c.n()];
            r.hessian(x, dense);
            for (int i = 0; i < c.n(); i++) {
                for (int j = 0; j < c.n(); j++) {
                    int k = p.indexOf(i, j);
                    if (dense[i * c.n() + j] != 0) {
                        assertTrue(k >= 0, c + ": non-zero (" + i + ", " + j + ") missing from the pattern");
                        seenNonZero[k] = true;
                    }
                }
            }
        }
        for (int k = 0; k < seenNonZero.length; k++) {
            int row = p.row(k);
            // at three random points a structural non-zero is non-zero (the test functions have no cancellations)
            assertTrue(seenNonZero[k], c + ": pattern entry (" + row + ", " + p.column(k) + ") is zero at every point");
        }
    }

    @Test
    void edgePushingStarAndAcyclicColoringAgreeOnAGridToRoundOff() {
        int m = 60;
        double[] x = gridPoint(m);
        Recording r = Tape.record(v -> minimalSurface(v, m), x);
        assertEquals(SparseHessianMethod.EDGE_PUSHING, r.sparseHessianMethod());
        double[] pushed = new double[r.hessianPattern().nonZeros()];
        double[] colored = new double[pushed.length];
        double[] acyclic = new double[pushed.length];
        r.sparseHessian(x, pushed);
        r.sparseHessian(x, colored, SparseHessianMethod.STAR_COLORING);
        r.sparseHessian(x, acyclic, SparseHessianMethod.ACYCLIC_COLORING);
        for (int k = 0; k < pushed.length; k++) {
            assertEquals(colored[k], pushed[k], ATOL + RTOL * Math.abs(colored[k]), "edge pushing, entry " + k);
            assertEquals(colored[k], acyclic[k], ATOL + RTOL * Math.abs(colored[k]), "acyclic coloring, entry " + k);
        }
        assertTrue(r.hessianAcyclicColoring().count() < r.hessianColoring().count(),
                "acyclic " + r.hessianAcyclicColoring() + ", star " + r.hessianColoring());
        assertTrue(r.hessianAcyclicColoring().count() <= 5, "cell stencil: " + r.hessianAcyclicColoring());
    }

    @Test
    void aSecondEdgePushingCallOnOneThreadGivesTheSameValues() {
        int m = 12;
        double[] x = gridPoint(m);
        Recording r = Tape.record(v -> minimalSurface(v, m), x);
        Recording other = Tape.record(SparseHessianTest::rosenbrock, new double[] {0.5, 0.7, 0.9});
        double[] first = new double[r.hessianPattern().nonZeros()];
        double[] second = new double[first.length];
        r.sparseHessian(x, first);
        other.sparseHessian(new double[] {0.1, 0.2, 0.3}, new double[other.hessianPattern().nonZeros()]);   // scratch reused
        r.sparseHessian(x, second);
        assertArrayEquals(first, second);
    }

    @Test
    void aNullMethodIsRejected() {
        Recording r = Tape.record(SparseHessianTest::rosenbrock, new double[4]);
        double[] values = new double[r.hessianPattern().nonZeros()];
        assertThrows(NullPointerException.class, () -> r.sparseHessian(new double[4], values, null));
    }

    @Test
    void gridEnergyNeedsAFewColorsWhateverItsSize() {
        for (int m : new int[] {10, 50, 200}) {
            double[] x = gridPoint(m);
            Recording r = Tape.record(v -> minimalSurface(v, m), x);
            int colors = r.hessianColoring().count();
            // the cell stencil's Hessian is the 7-point triangular pattern; the greedy star colorings
            // give 8 or 9 colors on it whatever m is (a regression guard, not a bound that grows with m)
            assertTrue(colors <= 9, m + " x " + m + " grid: " + colors + " colors");
            SparsityPattern p = r.hessianPattern();
            assertTrue(p.maxRowLength() <= 7, "cell stencil: at most 7 entries a row, got " + p.maxRowLength());
            double[] values = new double[p.nonZeros()];
            r.sparseHessian(x, values);
            for (double value : values) assertTrue(Double.isFinite(value));
        }
    }

    @Test
    void gridEnergyOfFortyThousandUnknownsGetsItsHessianWithoutADenseArray() {
        int m = 200;
        double[] x = gridPoint(m);
        Recording r = Tape.record(v -> minimalSurface(v, m), x);
        SparsityPattern p = r.hessianPattern();
        double[] values = new double[p.nonZeros()];
        r.sparseHessian(x, values);
        // spot-check rows against Hessian-vector products with unit vectors
        double[] e = new double[x.length];
        double[] hv = new double[x.length];
        double[] row = new double[x.length];
        for (int i : new int[] {0, 201, 20_100, 39_999}) {
            e[i] = 1;
            r.hessianVector(x, e, hv);
            e[i] = 0;
            java.util.Arrays.fill(row, 0);
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) row[p.column(k)] = values[k];
            for (int j = 0; j < x.length; j++) {
                assertEquals(hv[j], row[j], ATOL + RTOL * Math.abs(hv[j]), "row " + i + ", column " + j);
            }
        }
    }

    @Test
    void sparseHessianReusesOnePatternAndColoring() {
        Recording r = Tape.record(SparseHessianTest::rosenbrock, new double[8]);
        assertTrue(r.hessianPattern() == r.hessianPattern());
        assertEquals(3, r.hessianColoring().count(), "a tridiagonal Hessian needs 3 colors");
    }

    @Test
    void wrongLengthOfValuesIsADimensionMismatch() {
        Recording r = Tape.record(SparseHessianTest::rosenbrock, new double[4]);
        assertThrows(DimensionMismatchException.class, () -> r.sparseHessian(new double[4], new double[3]));
    }

    @Test
    void patternForTheRecordedDimensionIsThePattern() {
        Recording r = Tape.record(SparseHessianTest::rosenbrock, new double[5]);
        assertTrue(r.hessianPattern(5) == r.hessianPattern());
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class, () -> r.hessianPattern(6));
        assertTrue(e.getMessage().contains("length 6") && e.getMessage().contains("n = 5"), e.getMessage());
    }

    @Test
    void defaultPatternForNChecksTheDimension() {
        RecordedFunction f = Derivatives.record(SparseHessianTest::rosenbrock, new double[4]);
        assertEquals(f.hessianPattern(), f.hessianPattern(4));
        assertThrows(DimensionMismatchException.class, () -> f.hessianPattern(3));
    }

    @Test
    void aFlippedGuardThrowsOnARecordingAndReRecordsAFunction() {
        ScalarFunction piecewise = x -> x[0].gt(0) ? x[0].times(x[1]) : x[0].square().plus(x[1].square());
        Recording r = Tape.record(piecewise, 1, 1);
        double[] values = new double[r.hessianPattern().nonZeros()];
        assertThrows(GuardFlippedException.class, () -> r.sparseHessian(new double[] {-1, 1}, values));
        for (SparseHessianMethod method : SparseHessianMethod.values()) {
            assertThrows(GuardFlippedException.class, () -> r.sparseHessian(new double[] {-1, 1}, values, method));
        }

        RecordedFunction f = Derivatives.record(piecewise, -1, 1);   // diagonal pattern first
        SparsityPattern diagonal = f.hessianPattern();
        double[] h = new double[diagonal.nonZeros()];
        f.sparseHessian(new double[] {-1, 2}, h);
        assertArrayEquals(new double[] {2, 2}, h);
        assertThrows(IllegalStateException.class, () -> f.sparseHessian(new double[] {1, 2}, h),
                "the other branch has an off-diagonal entry outside the published pattern");
    }

    @Test
    void defaultSparseHessianPacksTheDenseOne() {
        Recording r = Tape.record(SparseHessianTest::rosenbrock, new double[6]);
        Objective plain = new Objective() {
            @Override public double value(double[] x) { return r.value(x); }
            @Override public double gradient(double[] x, double[] g) { return r.gradient(x, g); }
            @Override public void hessianVector(double[] x, double[] v, double[] hv) { r.hessianVector(x, v, hv); }
            @Override public void hessian(double[] x, double[] h) { r.hessian(x, h); }
            @Override public SparsityPattern hessianPattern() { return r.hessianPattern(); }
        };
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] expected = new double[r.hessianPattern().nonZeros()];
        double[] actual = new double[expected.length];
        r.sparseHessian(x, expected);
        plain.sparseHessian(x, actual);
        assertArrayEquals(expected, actual, 1e-12);
        Objective unknown = new Objective() {
            @Override public double value(double[] x) { return 0; }
            @Override public double gradient(double[] x, double[] g) { return 0; }
            @Override public void hessianVector(double[] x, double[] v, double[] hv) { }
            @Override public void hessian(double[] x, double[] h) { }
        };
        assertThrows(UnsupportedOperationException.class, unknown::hessianPattern);
    }

    // ---- functions ----

    static Var rosenbrock(Var[] x) {
        List<Var> terms = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            terms.add(x[i + 1].minus(x[i].square()).square().times(100));
            terms.add(Var.minus(1, x[i]).square());
        }
        return Var.sum(terms);
    }

    /**
     * The minimal-surface energy on an m x m grid of unknowns with zero boundary values: per cell
     * sqrt(1 + (u_right - u)^2 + (u_up - u)^2), the boundary handled by ifs as grid codes do.
     */
    static Var minimalSurface(Var[] u, int m) {
        Tape tape = u[0].tape();
        List<Var> terms = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Var here = u[i * m + j];
                Var right = j + 1 < m ? u[i * m + j + 1] : tape.constant(0);
                Var up = i + 1 < m ? u[(i + 1) * m + j] : tape.constant(0);
                Var dx = right.minus(here);
                Var dy = up.minus(here);
                terms.add(dx.square().plus(dy.square()).plus(1).sqrt());
            }
        }
        return Var.sum(terms);
    }

    private static double[] point(Case c, int seed) {
        if (c.name().startsWith("Thomson")) {
            double[] x = ThomsonWorkload.points(c.n() / 3);
            Random rnd = new Random(seed);
            for (int k = 0; k < x.length; k++) x[k] += 0.01 * rnd.nextGaussian();
            return x;
        }
        Random rnd = new Random(seed);
        double[] x = new double[c.n()];
        for (int k = 0; k < x.length; k++) x[k] = 0.3 + 0.5 * rnd.nextDouble();
        return x;
    }

    private static double[] gridPoint(int m) {
        double[] x = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) x[i * m + j] = Math.sin(0.3 * i) * Math.cos(0.2 * j);
        }
        return x;
    }
}
