package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented conventions at points where an opcode is not differentiable (see the rules
 * table): each through the gradient, the second-order drivers and, where it has the operation,
 * {@link Dual}. Exact comparisons: every expected value here is 0, 1 or a copy of an input.
 */
class ConventionsTest {

    // ---- abs'(0) = 0 ----

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0})
    void absHasZeroDerivativeAtZero(double zero) {
        Recording r = Recordings.scalar(x -> x[0].abs(), zero);
        double[] g = new double[1];
        double[] hv = new double[1];
        double[] h = new double[1];
        r.gradientAndHessianVector(new double[] {zero}, new double[] {1}, g, hv);
        r.hessian(new double[] {zero}, h);
        assertEquals(0, g[0], 0.0);
        assertEquals(0, hv[0], 0.0);
        assertEquals(0, h[0], 0.0);
        assertEquals(0, Dual.variable(zero, 1).abs().tangent(), 0.0);
    }

    // ---- sqrt'(0) = +inf, reported where it reaches a result ----

    @Test
    void sqrtAtZeroInAGradientIsReportedNamingSqrtAndItsTapePosition() {
        Recording r = Recordings.scalar(x -> x[0].times(2.0).sqrt(), 1.0);   // nodes: x (0), 2x (1), sqrt (2)
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> r.gradient(new double[] {0}, new double[1]));
        assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
        assertTrue(e.getMessage().contains("tape position 2"), e.getMessage());
    }

    @Test
    void sqrtAtZeroInAHessianVectorProductIsReportedNamingSqrt() {
        Recording r = Recordings.scalar(x -> x[0].sqrt(), 1.0);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> r.hessianVector(new double[] {0}, new double[] {1}, new double[1]));
        assertTrue(e.getMessage().contains("sqrt") && e.getMessage().contains("tape position 1"), e.getMessage());
    }

    @Test
    void sqrtAtZeroInADenseHessianIsReportedNamingSqrt() {
        Recording r = Recordings.scalar(x -> x[0].sqrt().plus(x[1]), 1.0, 1.0);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> r.hessian(new double[] {0, 1}, new double[4]));
        assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
    }

    @Test
    void sqrtAtZeroBehindAChainIsReportedAtTheSqrtNotDownstream() {
        // sqrt(x^2) at 0: +inf meets square'(0) = 0 and gives NaN; the culprit is still sqrt (position 2).
        Recording r = Recordings.scalar(x -> x[0].square().sqrt(), 1.0);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> r.gradient(new double[] {0}, new double[1]));
        assertTrue(e.getMessage().contains("sqrt (tape position 2)"), e.getMessage());
    }

    @Test
    void sqrtAtZeroWhoseAdjointIsZeroDoesNotFail() {
        // The infinite partial never reaches a result: 0 * sqrt(x) has derivative 0 at 0.
        Recording r = Recordings.scalar(x -> x[0].sqrt().times(0.0).plus(x[0]), 1.0);
        double[] g = new double[1];
        r.gradient(new double[] {0}, g);
        assertEquals(1.0, g[0]);
    }

    @Test
    void dualSqrtAtZeroHasInfiniteTangent() {
        assertEquals(Double.POSITIVE_INFINITY, Dual.variable(0, 1).sqrt().tangent());
    }

    @Test
    void cbrtAtZeroInAGradientIsReportedNamingCbrt() {
        Recording r = Recordings.scalar(x -> x[0].cbrt(), 1.0);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> r.gradient(new double[] {0}, new double[1]));
        assertTrue(e.getMessage().contains("cbrt (tape position 1)"), e.getMessage());
    }

    // ---- min / max: a tie follows the first operand ----

    @Test
    void minOnATieFollowsItsFirstOperand() {
        assertArrayEquals(new double[] {1, 0}, Derivatives.gradient(x -> x[0].min(x[1]), 1.5, 1.5));
        assertArrayEquals(new double[] {0, 1}, Derivatives.gradient(x -> x[1].min(x[0]), 1.5, 1.5));
    }

    @Test
    void maxOnATieFollowsItsFirstOperand() {
        assertArrayEquals(new double[] {1, 0}, Derivatives.gradient(x -> x[0].max(x[1]), -2.0, -2.0));
        assertArrayEquals(new double[] {0, 1}, Derivatives.gradient(x -> x[1].max(x[0]), -2.0, -2.0));
    }

    @Test
    void minAndMaxWithAConstantOnATieFollowTheVariable() {
        assertArrayEquals(new double[] {1}, Derivatives.gradient(x -> x[0].min(3.0), 3.0));
        assertArrayEquals(new double[] {1}, Derivatives.gradient(x -> x[0].max(3.0), 3.0));
    }

    @Test
    void dualMinAndMaxOnATieFollowTheirFirstOperand() {
        Dual a = Dual.variable(2, 1);
        Dual b = Dual.variable(2, 10);
        assertEquals(1, a.min(b).tangent());
        assertEquals(10, b.min(a).tangent());
        assertEquals(1, a.max(b).tangent());
        assertEquals(10, b.max(a).tangent());
    }

    @Test
    void tiedMinHasTheSameDerivativeInEveryDriver() {
        // Forward (JVP, Dual) and reverse (gradient) must pick the same branch on a tie.
        Recording r = Recordings.scalar(x -> x[0].min(x[1]).times(x[0]), 1.0, 1.0);
        double[] x = {1, 1};
        double[] v = {0.3, -2};
        double[] g = new double[2];
        double[] jv = new double[1];
        r.gradient(x, g);
        r.jvp(x, v, jv);
        Dual d0 = Dual.variable(1, 0.3);
        Dual d1 = Dual.variable(1, -2);
        assertEquals(Close.dot(g, v), jv[0]);
        assertEquals(Close.dot(g, v), d0.min(d1).times(d0).tangent());
    }

    // ---- norm and hypot at the origin: zero gradient and curvature ----

    @Test
    void normAtTheOriginHasZeroGradientHessianAndHessianVector() {
        Recording r = Recordings.scalar(Var::norm, 0.0, 0.0, 0.0);
        double[] x = new double[3];
        double[] g = new double[3];
        double[] hv = new double[3];
        double[] h = new double[9];
        double fx = r.gradientAndHessianVector(x, new double[] {1, -1, 2}, g, hv);
        r.hessian(x, h);
        assertEquals(0, fx);
        assertArrayEquals(new double[3], g);
        assertArrayEquals(new double[3], hv);
        assertArrayEquals(new double[9], h);
    }

    @Test
    void hypotAtTheOriginHasZeroGradientHessianAndHessianVector() {
        Recording r = Recordings.scalar(x -> Var.hypot(x[0], x[1]), 0.0, 0.0);
        double[] x = new double[2];
        double[] g = new double[2];
        double[] hv = new double[2];
        double[] h = new double[4];
        r.gradientAndHessianVector(x, new double[] {1, -1}, g, hv);
        r.hessian(x, h);
        assertArrayEquals(new double[2], g);
        assertArrayEquals(new double[2], hv);
        assertArrayEquals(new double[4], h);
        assertEquals(0, Dual.hypot(Dual.variable(0, 1), Dual.variable(0, 1)).tangent());
    }

    @Test
    void thomsonStyleEnergyWithCoincidentZeroWeightPairHasFiniteGradient() {
        // The reason for the norm convention: a zero-weight term at coincident points must not poison the sum.
        Recording r = Recordings.scalar(x -> Var.norm(x[0].minus(x[1])).times(0.0).plus(x[0].square()), 1.0, 1.0);
        double[] g = new double[2];
        r.gradient(new double[] {1, 1}, g);
        assertArrayEquals(new double[] {2, 0}, g);
    }

    // ---- pow(x, y) at x = 0: d/dy = 0 ----

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 2.5, 3})
    void powOfZeroBaseHasZeroExponentDerivative(double y) {
        double[] g = Derivatives.gradient(x -> x[0].pow(x[1]), 0.0, y);
        assertEquals(0, g[1], 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 2.5, 3})
    void powOfZeroBaseHasZeroMixedSecondDerivativeWhereTheLimitIsZero(double y) {
        // d2/dxdy x^y = x^(y-1) (1 + y log x) -> 0 as x -> 0+ for y > 1.
        double[] h = Derivatives.hessian(x -> x[0].pow(x[1]), 0.0, y);
        assertEquals(0, h[1], 0.0);
        assertEquals(0, h[2], 0.0);
        assertEquals(0, h[3], 0.0);
    }

    @Test
    void powOfZeroBaseAtZeroExponentHasZeroExponentDerivative() {
        double[] g = Derivatives.gradient(x -> x[0].pow(x[1]), 0.0, 0.0);
        assertEquals(0, g[1], 0.0);
    }

    // ---- signum, floor, ceil: zero derivative, also at their jumps ----

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 0.0, 1.0, 2.0})
    void signumFloorAndCeilHaveZeroDerivativesAtTheirJumps(double at) {
        ScalarFunction f = x -> Var.sum(x[0].signum(), x[0].floor(), x[0].ceil()).times(x[1]);
        Recording r = Tape.record(f, at, 1.0);
        double[] g = new double[2];
        double[] h = new double[4];
        r.gradient(new double[] {at, 1}, g);
        r.hessian(new double[] {at, 1}, h);
        assertEquals(0, g[0], 0.0);
        assertEquals(Math.signum(at) + Math.floor(at) + Math.ceil(at), g[1]);
        assertEquals(0, h[0], 0.0);
        assertEquals(0, h[1], 0.0);
    }

    // ---- pow with a variable exponent that does not move, at a negative base ----

    @Test
    void powWithAConstantExponentNodeAtANegativeBaseHasTheGradientOfACube() {
        double[] g = Derivatives.gradient(x -> x[0].pow(x[0].tape().constant(3)), -2.0);
        assertArrayEquals(new double[] {12}, g);
    }

    @Test
    void powWithAConstantExponentNodeAtANegativeBaseHasFiniteSecondDerivatives() {
        ScalarFunction cube = x -> x[0].pow(x[0].tape().constant(3));
        assertArrayEquals(new double[] {-12}, Derivatives.hessianVector(cube, new double[] {-2}, new double[] {1}));
        assertArrayEquals(new double[] {-12}, Derivatives.hessian(cube, -2.0));
    }

    @Test
    void dualPowWithAConstantExponentAtANegativeBaseHasTheTangentOfACube() {
        assertEquals(12, Dual.variable(-2, 1).pow(Dual.constant(3)).tangent());
    }

    // ---- hypot is documented as free of intermediate overflow ----

    @Test
    void hypotSecondDerivativesDoNotOverflowForLargeArguments() {
        double[] h = Derivatives.hessian(x -> Var.hypot(x[0], x[1]), 1e200, 1e200);
        double expected = 1e-200 / (2 * Math.sqrt(2));   // y^2 / r^3 = 1e400 / (2 sqrt(2) 1e600)
        Close.assertClose(new double[] {expected, -expected, -expected, expected}, h, 1e-12, 0, "Hessian");
    }

    @Test
    void hypotGradientDoesNotOverflowForLargeArguments() {
        double[] g = Derivatives.gradient(x -> Var.hypot(x[0], x[1]), 3e300, 4e300);
        Close.assertClose(new double[] {0.6, 0.8}, g, 1e-15, 0, "gradient");
    }
}
