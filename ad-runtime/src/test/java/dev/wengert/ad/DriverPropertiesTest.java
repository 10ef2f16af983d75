package dev.wengert.ad;

import static dev.wengert.ad.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.RandomExpressions.Binary;
import dev.wengert.ad.RandomExpressions.Expr;
import dev.wengert.ad.RandomExpressions.Leaf;
import dev.wengert.ad.RandomExpressions.Unary;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random expression trees over 1 to 4 variables ({@link RandomExpressions}), built from the whole
 * op set, through every driver: each agrees with central differences (smooth trees only) and with
 * the other drivers (all trees, kinks included, since the drivers share one rules table and must
 * agree even at a kink). jqwik shrinks a failing tree and prints it as the Java that records it.
 * {@link RandomProgramsTest} runs many more trees through all drivers at once.
 */
class DriverPropertiesTest {

    // ---- generators ----

    private static Arbitrary<Expr> tree(int depth, boolean smooth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3).map(i -> (Expr) new Leaf(i, 1, 0)),
                Arbitraries.integers().between(0, 3).flatMap(i -> Arbitraries.doubles().between(-1.5, 1.5).ofScale(2)
                        .map(s -> (Expr) new Leaf(i, s, 0.25 * i))));
        if (depth == 0) return leaf;
        Arbitrary<Expr> sub = tree(depth - 1, smooth);
        Arbitrary<Expr> unary = Arbitraries.integers()
                .between(0, (smooth ? RandomExpressions.smoothUnaryCount() : RandomExpressions.UNARY.size()) - 1)
                .flatMap(op -> sub.map(a -> (Expr) new Unary(op, a)));
        Arbitrary<Expr> binary = Arbitraries.integers()
                .between(0, (smooth ? RandomExpressions.smoothBinaryCount() : RandomExpressions.BINARY.size()) - 1)
                .flatMap(op -> sub.flatMap(a -> sub.map(b -> (Expr) new Binary(op, a, b))));
        return Arbitraries.frequencyOf(Tuple.of(1, leaf), Tuple.of(3, unary), Tuple.of(3, binary));
    }

    @Provide
    Arbitrary<Expr> smoothTrees() {
        return tree(4, true);
    }

    @Provide
    Arbitrary<Expr> trees() {
        return tree(4, false);
    }

    @Provide
    Arbitrary<double[]> points() {
        return Arbitraries.doubles().between(-2, 2).ofScale(3).array(double[].class).ofSize(4);
    }

    private static double[] first(double[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }

    // ---- agreement with finite differences (smooth trees) ----

    // Plain central differences are off by their h^2 term, and on a fast oscillation that is more than 1e-5 of the
    // derivative: x sin(((x^2 + 1)^1.5)^3) turns about 820 radians per unit of x at x = 1.5, and GradientCheck's
    // differences of it are 9e-6 off at 1.496 and 1.3e-4 at 1.8 (a seed found the first). So each reference is
    // the Richardson extrapolation (4 D(h/2) - D(h)) / 3 of central differences at steps h and h/2, which cancels
    // the h^2 term; where D(h) and D(h/2) disagree by more than 1e-6 the differences do not resolve f at that
    // point and the sample is discarded. The derivative must then be within 1e-5 of the reference relatively,
    // or 1e-7 (1 + scale) absolutely for entries near zero.
    private static void assertAgreesWithRichardson(double computed, double coarse, double fine, double scale,
                                                   String what) {
        Assume.that(Math.abs(coarse - fine) <= 1e-6 * Math.abs(fine) + 1e-8 * (1 + scale));
        double expected = (4 * fine - coarse) / 3;
        assertTrue(Math.abs(computed - expected) <= 1e-5 * Math.abs(expected) + 1e-7 * (1 + scale),
                what + " = " + computed + ", Richardson " + expected);
    }

    // The step h of the differences along coordinate j: large enough that rounding (eps |f| / h, 2e-12 of f)
    // stays far below the tolerance, small enough that the h^4 term left after Richardson does too.
    private static double step(double[] x, int j) {
        return 1e-4 * Math.max(1.0, Math.abs(x[j]));
    }

    // The step along a direction d, scaled so that the coordinate d moves most goes about 1e-4 max(1, |x|)
    // (d may be small, or zero).
    private static double step(double[] x, double[] d) {
        return 1e-4 * Math.max(1.0, maxAbs(x)) / Math.max(1e-3, maxAbs(d));
    }

    @Property(tries = 300)
    void gradientAgreesWithFiniteDifferences(@ForAll("smoothTrees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                             @ForAll("points") double[] x4) {
        double[] x = first(x4, n);
        Recording r = Recordings.scalar(e::on, x);
        double[] g = new double[n];
        double f = r.gradient(x, g);
        for (int j = 0; j < n; j++) {
            double h = step(x, j);
            assertAgreesWithRichardson(g[j], valueDifference(r, x, j, h), valueDifference(r, x, j, h / 2), Math.abs(f),
                    "g[" + j + "] of " + e);
        }
    }

    // The sample that made plain central differences fail the property below (seed -7305448984131514321):
    // f = x sin(u), u = ((x^2 + 1)^1.5)^3, at x = 1.496, where u is about 198 and turns about 820 radians per unit
    // of x. Against the closed form f'' = 2 u' cos u - x u'^2 sin u + x u'' cos u, with u' = 9 x w^3.5 and
    // u'' = 9 w^3.5 + 63 x^2 w^2.5 (w = x^2 + 1). The tape's u, (w^1.5)^3, and the closed form's w^4.5 differ in
    // their last bits (a few ulps of 198, about 1e-13 radians), which sin and cos pass on to f'': 5e-13 of it
    // measured on JDK 17. 1e-11 leaves room for Math.pow and Math.sin to round differently on another JDK, and
    // is still six orders below the 1.1e-5 by which plain differences were off.
    @Example
    void hessianVectorOfAFastOscillationMatchesItsClosedForm() {
        double x = 1.496;
        double v = 0.001;
        Recording r = Tape.record(p -> p[0].times(p[0].square().plus(1).pow(1.5).pow(3.0).sin()), x);
        double[] hv = new double[1];
        r.hessianVector(new double[] {x}, new double[] {v}, hv);
        double w = x * x + 1;
        double u = Math.pow(w, 4.5);
        double du = 9 * x * Math.pow(w, 3.5);
        double ddu = 9 * Math.pow(w, 3.5) + 63 * x * x * Math.pow(w, 2.5);
        double second = 2 * du * Math.cos(u) - x * du * du * Math.sin(u) + x * ddu * Math.cos(u);
        assertClose(second * v, hv[0], 1e-11, 0, "Hv of x sin(((x^2 + 1)^1.5)^3) at 1.496");
    }

    @Property(tries = 300)
    void hessianVectorAgreesWithFiniteDifferences(@ForAll("smoothTrees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                                  @ForAll("points") double[] x4, @ForAll("points") double[] v4) {
        double[] x = first(x4, n);
        double[] v = first(v4, n);
        Recording r = Recordings.scalar(e::on, x);
        double[] g = new double[n];
        r.gradient(x, g);
        double[] hv = new double[n];
        r.hessianVector(x, v, hv);
        double scale = maxAbs(g) * Math.max(1, maxAbs(v));
        double h = step(x, v);
        double[] coarse = gradientDifference(r, x, v, h);
        double[] fine = gradientDifference(r, x, v, h / 2);
        for (int i = 0; i < n; i++) {
            assertAgreesWithRichardson(hv[i], coarse[i], fine[i], scale, "(Hv)[" + i + "] of " + e);
        }
    }

    @Property(tries = 300)
    void hessianAgreesWithFiniteDifferences(@ForAll("smoothTrees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                            @ForAll("points") double[] x4) {
        double[] x = first(x4, n);
        Recording r = Recordings.scalar(e::on, x);
        double[] g = new double[n];
        r.gradient(x, g);
        // Column j by differences of g along e_j: a tree such as expm1(sin((x^4 + 1)^4.5)) oscillates ~500 radians
        // per unit of x at x = 1.087, where GradientCheck's plain differences are 2.5e-5 of H off (the tape's
        // -70534.65055 is Richardson's -70534.651).
        double[] hess = new double[n * n];
        r.hessian(x, hess, 1);
        double scale = maxAbs(g);
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            double h = step(x, j);
            double[] coarse = gradientDifference(r, x, unit, h);
            double[] fine = gradientDifference(r, x, unit, h / 2);
            for (int i = 0; i < n; i++) {
                assertAgreesWithRichardson(hess[i * n + j], coarse[i], fine[i], scale, "H[" + i + "][" + j + "] of " + e);
            }
        }
    }

    /** (f(x + step e_j) - f(x - step e_j)) / (2 step): the central difference of the value along coordinate j. */
    private static double valueDifference(Recording r, double[] x, int j, double step) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[j] += step;
        minus[j] -= step;
        return (r.value(plus) - r.value(minus)) / (2 * step);
    }

    /** (g(x + step d) - g(x - step d)) / (2 step): central differences of the gradient along d. */
    private static double[] gradientDifference(Recording r, double[] x, double[] d, double step) {
        int n = x.length;
        double[] plus = x.clone();
        double[] minus = x.clone();
        for (int i = 0; i < n; i++) {
            plus[i] += step * d[i];
            minus[i] -= step * d[i];
        }
        double[] gPlus = new double[n];
        double[] gMinus = new double[n];
        r.gradient(plus, gPlus);
        r.gradient(minus, gMinus);
        double[] difference = new double[n];
        for (int i = 0; i < n; i++) {
            difference[i] = (gPlus[i] - gMinus[i]) / (2 * step);
        }
        return difference;
    }

    // ---- agreement between drivers (all trees) ----

    // Different drivers sum the same products in different orders and scale by v at different
    // points (forward-over-reverse carries v through every node; the Hessian times v multiplies at
    // the end). Nested random expressions cancel inside H_ij by factors up to ~1e3-1e4 (seen:
    // hypot(x, sin(sin(atan x))) agreeing to 6e-12), so 1e-12 of the magnitudes is too tight;
    // 1e-10 still fails any wrong rule by many orders of magnitude.
    private static final double DRIVER_RTOL = 1e-10;
    // Absolute floor for entries that cancel to (almost) zero; the generators keep values and
    // derivatives of order 1, so round-off of the terms is about 1e-15.
    private static final double DRIVER_ATOL = 1e-13;

    @Property(tries = 500)
    void hessianVectorEqualsDenseHessianTimesV(@ForAll("trees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                               @ForAll("points") double[] x4, @ForAll("points") double[] v4) {
        double[] x = first(x4, n);
        double[] v = first(v4, n);
        Recording r = Recordings.scalar(e::on, x);
        double[] hv = new double[n];
        double[] h = new double[n * n];
        r.hessianVector(x, v, hv);
        r.hessian(x, h);
        double[] expected = Close.times(h, v);
        for (int i = 0; i < n; i++) {
            double scale = 0;
            for (int j = 0; j < n; j++) scale += Math.abs(h[i * n + j] * v[j]);
            // An entry of H can be a near-total cancellation of O(1) terms (seen: 6.9e-21 from terms
            // of order 1), whose round-off is absolute, about 1e-16 times the terms: hence the floor.
            assertClose(expected[i], hv[i], 0, DRIVER_RTOL * scale + DRIVER_ATOL, "Hv[" + i + "] of " + e);
        }
    }

    @Property(tries = 500)
    void denseHessianIsSymmetric(@ForAll("trees") Expr e, @ForAll @IntRange(min = 2, max = 4) int n,
                                 @ForAll("points") double[] x4) {
        double[] x = first(x4, n);
        double[] h = new double[n * n];
        Recordings.scalar(e::on, x).hessian(x, h);
        double scale = maxAbs(h);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertClose(h[i * n + j], h[j * n + i], 0, DRIVER_RTOL * scale + DRIVER_ATOL, "H[" + i + "," + j + "]");
            }
        }
    }

    @Property(tries = 500)
    void gradientAndHessianVectorEqualsGradientPlusHessianVector(@ForAll("trees") Expr e,
            @ForAll @IntRange(min = 1, max = 4) int n, @ForAll("points") double[] x4, @ForAll("points") double[] v4) {
        double[] x = first(x4, n);
        double[] v = first(v4, n);
        Recording r = Recordings.scalar(e::on, x);
        double[] g1 = new double[n];
        double[] hv1 = new double[n];
        double[] g2 = new double[n];
        double[] hv2 = new double[n];
        double f1 = r.gradientAndHessianVector(x, v, g1, hv1);
        double f2 = r.gradient(x, g2);
        r.hessianVector(x, v, hv2);
        assertEquals(f2, f1, 0.0);
        assertArrayEquals(hv2, hv1, 0.0);                            // the same sweep
        Close.assertCloseToScale(g2, g1, 1e-14, "gradient");         // reverse vs second-order sweep: round-off only
    }

    @Property(tries = 500)
    void dualTangentEqualsGradientDotV(@ForAll("trees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                       @ForAll("points") double[] x4, @ForAll("points") double[] v4) {
        double[] x = first(x4, n);
        double[] v = first(v4, n);
        double[] g = new double[n];
        double fx = Recordings.scalar(e::on, x).gradient(x, g);
        Dual[] d = new Dual[n];
        for (int i = 0; i < n; i++) d[i] = Dual.variable(x[i], v[i]);
        Dual y = e.on(d);
        double scale = 0;
        for (int i = 0; i < n; i++) scale += Math.abs(g[i] * v[i]);
        // Dual evaluates n-ary nodes as chains of binary ops: 1e-11 covers the extra roundings.
        assertClose(fx, y.value(), 1e-11, 1e-300, "value of " + e);
        assertClose(Close.dot(g, v), y.tangent(), 0, 1e-11 * scale + DRIVER_ATOL, "tangent of " + e);
    }

    @Property(tries = 500)
    void replayAtANewPointEqualsAFreshRecordingThere(@ForAll("trees") Expr e, @ForAll @IntRange(min = 1, max = 4) int n,
                                                     @ForAll("points") double[] x4, @ForAll("points") double[] y4,
                                                     @ForAll("points") double[] v4) {
        double[] x = first(x4, n);
        double[] y = first(y4, n);
        double[] v = first(v4, n);
        Recording once = Recordings.scalar(e::on, x);
        Recording fresh = Recordings.scalar(e::on, y);
        double[] g1 = new double[n];
        double[] hv1 = new double[n];
        double[] g2 = new double[n];
        double[] hv2 = new double[n];
        // The trees have no guards, so both tapes hold the same operations: results must be identical.
        assertEquals(fresh.gradientAndHessianVector(y, v, g2, hv2), once.gradientAndHessianVector(y, v, g1, hv1), 0.0);
        assertArrayEquals(g2, g1, 0.0);
        assertArrayEquals(hv2, hv1, 0.0);
    }

    // ---- vector functions ----

    @Provide
    Arbitrary<List<Expr>> outputs() {
        return trees().list().ofMinSize(1).ofMaxSize(5);
    }

    private static VectorFunction vector(List<Expr> es) {
        return x -> es.stream().map(e -> e.on(x)).toArray(Var[]::new);
    }

    @Property(tries = 300)
    void jvpDottedWithWEqualsVDottedWithVjpOfW(@ForAll("outputs") List<Expr> es, @ForAll @IntRange(min = 1, max = 4) int n,
                                               @ForAll("points") double[] x4, @ForAll("points") double[] v4,
                                               @ForAll @Size(5) List<@net.jqwik.api.constraints.DoubleRange(min = -2, max = 2) Double> w5) {
        double[] x = first(x4, n);
        double[] v = first(v4, n);
        int m = es.size();
        double[] w = new double[m];
        for (int k = 0; k < m; k++) w[k] = w5.get(k);
        Recording r = Recordings.vector(vector(es), x);
        double[] jv = new double[m];
        double[] wj = new double[n];
        double[] jac = new double[m * n];
        r.jvp(x, v, jv);
        r.vjp(x, w, wj);
        r.jacobian(x, jac);
        double scale = 0;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) scale += Math.abs(w[k] * jac[k * n + i] * v[i]);
        }
        assertClose(Close.dot(jv, w), Close.dot(v, wj), 0, DRIVER_RTOL * scale + DRIVER_ATOL, "w.Jv vs (wJ).v");
    }

    @Property(tries = 300)
    void jacobianRowsEqualPerOutputGradients(@ForAll("outputs") List<Expr> es, @ForAll @IntRange(min = 1, max = 4) int n,
                                             @ForAll("points") double[] x4) {
        double[] x = first(x4, n);
        int m = es.size();
        double[] jac = new double[m * n];
        Recordings.vector(vector(es), x).jacobian(x, jac);   // m > n takes the forward path, m <= n the reverse one
        for (int k = 0; k < m; k++) {
            double[] g = new double[n];
            Recordings.scalar(es.get(k)::on, x).gradient(x, g);
            double[] row = java.util.Arrays.copyOfRange(jac, k * n, (k + 1) * n);
            // Entries that cancel to almost zero get the absolute floor too: x + (-x + 0.5) adds adjoints of
            // order 1 that cancel, so a gradient entry of 8e-10 carries their round-off (seen: 7e-17, which
            // the forward and the reverse path, and scalar and vector recordings, place differently).
            double scale = 0;
            for (double e : g) scale = Math.max(scale, Math.abs(e));
            Close.assertClose(g, row, 0, DRIVER_RTOL * scale + DRIVER_ATOL, "row " + k + " of " + es.get(k));
        }
    }

    @Property(tries = 300)
    void valuesOfAVectorRecordingEqualEachScalarRecording(@ForAll("outputs") List<Expr> es,
            @ForAll @IntRange(min = 1, max = 4) int n, @ForAll("points") double[] x4, @ForAll("points") double[] y4) {
        double[] x = first(x4, n);
        double[] y = first(y4, n);
        double[] values = new double[es.size()];
        Recordings.vector(vector(es), x).values(y, values);
        for (int k = 0; k < es.size(); k++) {
            assertEquals(Recordings.scalar(es.get(k)::on, x).value(y), values[k], 0.0, "output " + k);
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }
}
