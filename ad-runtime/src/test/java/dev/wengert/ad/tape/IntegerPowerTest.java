package dev.wengert.ad.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Dual;
import dev.wengert.ad.GradientCheck;
import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code x.pow(k)} for k = 2, 3, 4, -1, -2, -3 records products (square, cube, fourth power, reciprocal,
 * inverse square, inverse cube) instead of {@code Math.pow}: at pow's convention points (x = 0 and -0, where
 * a negative power is infinite, and the infinities) every rule gives the numbers pow gave, bit for bit, and
 * so does the value wherever the power is an exact double; elsewhere within a few ulps of pow.
 */
class IntegerPowerTest {
    private static final double[] CONVENTION_POINTS = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final double[] ORDINARY_POINTS = {-2.5, -1, -0.3, 1e-3, 0.7, 1, 3, 1e5};
    // Bases whose powers k = 2, 3, 4 are exact doubles (integers, where Math.pow's contract is the exact
    // result) and whose powers -1, -2, -3 are exact too (powers of two, 1 and -1 included).
    private static final double[] EXACT_POSITIVE_POWER_BASES = {1, -1, 2, -3, 7, -12, 1000, -65536};
    private static final double[] EXACT_NEGATIVE_POWER_BASES = {1, -1, 2, -2, 0.5, -0.125, 1024, 0x1p-100, -0x1p100};

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, -1, -2, -3})
    void atZeroEveryRuleIsPowsBitForBit(int k) {
        int op = Op.integerPower(k);
        for (double x : CONVENTION_POINTS) {
            double f = Rules.unary(op, x);
            double pow = Rules.withConstant(Op.POW_CONST, x, k);
            assertBits(pow, f, "value", k, x);
            double d = Rules.unaryDx(op, x, f);
            double powD = Rules.withConstantDx(Op.POW_CONST, x, k, pow);
            assertBits(powD, d, "d/dx", k, x);
            assertBits(Rules.withConstantDxx(Op.POW_CONST, x, k, pow, powD), Rules.unaryDxx(op, x, f, d), "d2/dx2", k, x);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, -1, -2, -3})
    void elsewhereEveryRuleIsWithinAFewUlpsOfPow(int k) {
        // value, d/dx, d2/dx2 within 2, 2 and 4 ulps; the derivatives of -3 chain one more rounding
        // (-3 f / x with f = (1 / (x x)) / x, then -4 d / x): over 2e6 random x in [1e-40, 1e40] of either
        // sign their largest differences from pow's were 4 and 4 ulps (those of -2: 2 and 4)
        int[] ulps = k == -3 ? new int[] {2, 4, 6} : new int[] {2, 2, 4};
        int op = Op.integerPower(k);
        for (double x : ORDINARY_POINTS) {
            double f = Rules.unary(op, x);
            double pow = Rules.withConstant(Op.POW_CONST, x, k);
            assertEquals(pow, f, ulps[0] * Math.ulp(pow), "value of x^" + k + " at " + x);
            double d = Rules.unaryDx(op, x, f);
            double powD = Rules.withConstantDx(Op.POW_CONST, x, k, pow);
            assertEquals(powD, d, ulps[1] * Math.ulp(powD), "d/dx of x^" + k + " at " + x);
            double dd = Rules.unaryDxx(op, x, f, d);
            double powDd = Rules.withConstantDxx(Op.POW_CONST, x, k, pow, powD);
            assertEquals(powDd, dd, ulps[2] * Math.ulp(powDd), "d2/dx2 of x^" + k + " at " + x);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, -1, -2, -3})
    void whereThePowerIsAnExactDoubleTheValueIsPowsBitForBit(int k) {
        int op = Op.integerPower(k);
        for (double x : k > 0 ? EXACT_POSITIVE_POWER_BASES : EXACT_NEGATIVE_POWER_BASES) {
            assertBits(Math.pow(x, k), Rules.unary(op, x), "value", k, x);
        }
    }

    @Test
    void theValuesAreTheProducts() {
        for (double x : ORDINARY_POINTS) {
            assertBits(x * x, Rules.unary(Op.integerPower(2), x), "value", 2, x);
            assertBits(x * x * x, Rules.unary(Op.integerPower(3), x), "value", 3, x);
            assertBits((x * x) * (x * x), Rules.unary(Op.integerPower(4), x), "value", 4, x);
            assertBits(1 / x, Rules.unary(Op.integerPower(-1), x), "value", -1, x);
            assertBits(1 / (x * x), Rules.unary(Op.integerPower(-2), x), "value", -2, x);
            assertBits(1 / (x * x) / x, Rules.unary(Op.integerPower(-3), x), "value", -3, x);
        }
    }

    @Test
    void theNewExponentsHaveTheirOwnOpcodes() {
        assertEquals(Op.FOURTH_POWER, Op.integerPower(4));
        assertEquals(Op.INVERSE_SQUARE, Op.integerPower(-2));
        assertEquals(Op.INVERSE_CUBE, Op.integerPower(-3.0));
    }

    @Test
    void otherExponentsStayPow() {
        for (double c : new double[] {0, 1, 5, -4, 0.5, 2.0000001, 4 - 0x1p-50, -3 + 0x1p-50, -0.0, Double.NaN}) {
            assertEquals(-1, Op.integerPower(c), "x^" + c);
        }
    }

    @Test
    void cubeAndFourthPowerOnEveryDriverAtZeroAreZero() {
        Recording r = Tape.record(x -> x[0].pow(3).plus(x[1].pow(3.0).times(x[0])).plus(x[1].pow(4))
                .plus(x[0].pow(4.0).times(x[1])), 0.0, 0.0);
        for (double[] z : new double[][] {{0, 0}, {-0.0, -0.0}}) {
            double[] g = new double[2];
            double[] h = new double[4];
            double[] hv = new double[2];
            assertEquals(0, r.gradient(z, g));
            assertEquals(0, g[0]);
            assertEquals(0, g[1]);
            r.hessian(z, h);
            for (double e : h) assertEquals(0, e);
            r.hessianVector(z, new double[] {1, -2}, hv);
            for (double e : hv) assertEquals(0, e);
        }
    }

    @Test
    void integerPowersAgreeWithCentralDifferences() {
        Recording r = Tape.record(x -> x[0].pow(3).times(x[1].pow(2)).plus(x[1].pow(-1)).plus(x[0].pow(4))
                .plus(x[0].pow(-2).times(x[1].pow(-3))).plus(x[1].pow(-2.0)), 0.7, -1.3);
        for (double[] x : new double[][] {{0.9, -1.1}, {-1.7, 0.6}, {2.3, 1.4}}) {
            assertTrue(GradientCheck.gradient(r, x).passes(1e-6, 1e-8), GradientCheck.gradient(r, x).toString());
            assertTrue(GradientCheck.hessian(r, x).passes(1e-6, 1e-8), GradientCheck.hessian(r, x).toString());
            double[] v = {0.7, -1.2};
            assertTrue(GradientCheck.hessianVector(r, x, v).passes(1e-6, 1e-8),
                    GradientCheck.hessianVector(r, x, v).toString());
        }
    }

    // x^k alone: value, gradient, Hessian-vector product and Hessian against k x^(k-1) and k (k-1) x^(k-2)
    @ParameterizedTest
    @ValueSource(ints = {4, -2, -3})
    void theNewPowersOnEveryDriverAreTheClosedForms(int k) {
        Recording r = Tape.record(x -> x[0].pow(k), 1.5);
        for (double x : new double[] {-2.5, -0.3, 1e-3, 0.7, 1, 3, 1e5}) {
            double[] at = {x};
            double[] g = new double[1];
            double[] h = new double[1];
            double[] hv = new double[1];
            double closedF = Math.pow(x, k);
            double closedD = k * Math.pow(x, k - 1);
            double closedDd = k * (k - 1) * Math.pow(x, k - 2);
            assertRelative(closedF, r.value(at), "value", k, x);
            assertRelative(closedF, r.gradient(at, g), "value with the gradient", k, x);
            assertRelative(closedD, g[0], "gradient", k, x);
            r.hessianVector(at, new double[] {-0.6}, hv);
            assertRelative(-0.6 * closedDd, hv[0], "Hessian times -0.6", k, x);
            r.hessian(at, h);
            assertRelative(closedDd, h[0], "Hessian", k, x);
            Dual d = Dual.variable(x, 1).pow(k);
            assertRelative(closedF, d.value(), "Dual value", k, x);
            assertRelative(closedD, d.tangent(), "Dual tangent", k, x);
        }
    }

    // f = a^4 + a^-2 b^-3 + b^-2 against its closed-form gradient and Hessian
    @Test
    void aFunctionOfTheNewPowersHasTheClosedFormGradientAndHessian() {
        Recording r = Tape.record(x -> x[0].pow(4).plus(x[0].pow(-2).times(x[1].pow(-3))).plus(x[1].pow(-2)), 1.0, 1.0);
        for (double[] x : new double[][] {{0.9, -1.1}, {-1.7, 0.6}, {2.3, 1.4}}) {
            double a = x[0];
            double b = x[1];
            double[] closedG = {4 * a * a * a - 2 / (a * a * a * b * b * b),
                    -3 / (a * a * b * b * b * b) - 2 / (b * b * b)};
            double haa = 12 * a * a + 6 / (a * a * a * a * b * b * b);
            double hab = 6 / (a * a * a * b * b * b * b);
            double hbb = 12 / (a * a * b * b * b * b * b) + 6 / (b * b * b * b);
            double[] closedH = {haa, hab, hab, hbb};
            double[] g = new double[2];
            double[] h = new double[4];
            double[] hv = new double[2];
            double[] v = {0.7, -1.2};
            r.gradient(x, g);
            r.hessian(x, h);
            r.hessianVector(x, v, hv);
            for (int i = 0; i < 2; i++) {
                assertRelative(closedG[i], g[i], "gradient[" + i + "]", 0, a);
                assertRelative(closedH[2 * i] * v[0] + closedH[2 * i + 1] * v[1], hv[i], "Hv[" + i + "]", 0, a);
            }
            for (int i = 0; i < 4; i++) assertRelative(closedH[i], h[i], "Hessian[" + i + "]", 0, a);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, -3})
    void aNegativePowerAtZeroIsReportedAsPowWas(int k) {
        Recording r = Tape.record(x -> x[0].pow(k), 1.0);
        for (double z : new double[] {0.0, -0.0}) {
            double[] at = {z};
            assertReported(() -> r.value(at), "the value", k, z);
            assertReported(() -> r.gradient(at, new double[1]), "the gradient", k, z);
            assertReported(() -> r.hessianVector(at, new double[] {1}, new double[1]), "H v", k, z);
            assertReported(() -> r.hessian(at, new double[1]), "the Hessian", k, z);
        }
    }

    private static void assertReported(Runnable call, String what, int k, double z) {
        try {
            call.run();
        } catch (NonFiniteException e) {
            assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
            return;
        }
        throw new AssertionError(what + " of x^" + k + " at " + z + " is infinite and must be reported");
    }

    private static void assertRelative(double expected, double actual, String what, int k, double x) {
        assertEquals(expected, actual, 1e-13 * Math.abs(expected), what + " of x^" + k + " at " + x);
    }

    private static void assertBits(double expected, double actual, String what, int k, double x) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " of x^" + k + " at " + x + ": pow gives " + expected + ", products " + actual);
    }
}
