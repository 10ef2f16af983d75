package dev.wengert.ad.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.GradientCheck;
import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code x.pow(k)} for k = 2, 3, -1 records products (square, cube, reciprocal) instead of {@code Math.pow}:
 * at pow's convention points (x = 0 and -0, where a negative power is infinite) every rule gives the
 * numbers pow gave, bit for bit; elsewhere within an ulp or two of pow.
 */
class IntegerPowerTest {
    private static final double[] CONVENTION_POINTS = {0.0, -0.0};
    private static final double[] ORDINARY_POINTS = {-2.5, -1, -0.3, 1e-3, 0.7, 1, 3, 1e5};

    @ParameterizedTest
    @ValueSource(ints = {2, 3, -1})
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
    @ValueSource(ints = {2, 3, -1})
    void elsewhereEveryRuleIsWithinTwoUlpsOfPow(int k) {
        int op = Op.integerPower(k);
        for (double x : ORDINARY_POINTS) {
            double f = Rules.unary(op, x);
            double pow = Rules.withConstant(Op.POW_CONST, x, k);
            assertEquals(pow, f, 2 * Math.ulp(pow), "value of x^" + k + " at " + x);
            double d = Rules.unaryDx(op, x, f);
            double powD = Rules.withConstantDx(Op.POW_CONST, x, k, pow);
            assertEquals(powD, d, 2 * Math.ulp(powD), "d/dx of x^" + k + " at " + x);
            double dd = Rules.unaryDxx(op, x, f, d);
            double powDd = Rules.withConstantDxx(Op.POW_CONST, x, k, pow, powD);
            assertEquals(powDd, dd, 4 * Math.ulp(powDd), "d2/dx2 of x^" + k + " at " + x);
        }
    }

    @Test
    void theValuesAreTheProducts() {
        for (double x : ORDINARY_POINTS) {
            assertBits(x * x, Rules.unary(Op.integerPower(2), x), "value", 2, x);
            assertBits(x * x * x, Rules.unary(Op.integerPower(3), x), "value", 3, x);
            assertBits(1 / x, Rules.unary(Op.integerPower(-1), x), "value", -1, x);
        }
    }

    @Test
    void otherExponentsStayPow() {
        for (double c : new double[] {0, 1, 4, -2, -3, 0.5, 2.0000001, -0.0}) {
            assertEquals(-1, Op.integerPower(c), "x^" + c);
        }
    }

    @Test
    void cubeOnEveryDriverAtZeroIsZero() {
        Recording r = Tape.record(x -> x[0].pow(3).plus(x[1].pow(3.0).times(x[0])), 0.0, 0.0);
        double[] g = new double[2];
        double[] h = new double[4];
        assertEquals(0, r.gradient(new double[] {0, 0}, g));
        assertEquals(0, g[0]);
        assertEquals(0, g[1]);
        r.hessian(new double[] {0, 0}, h);
        for (double e : h) assertEquals(0, e);
    }

    @Test
    void integerPowersAgreeWithCentralDifferences() {
        Recording r = Tape.record(x -> x[0].pow(3).times(x[1].pow(2)).plus(x[1].pow(-1)).plus(x[0].pow(4)), 0.7, -1.3);
        double[] x = {0.9, -1.1};
        assertTrue(GradientCheck.gradient(r, x).passes(1e-6, 1e-8), GradientCheck.gradient(r, x).toString());
        assertTrue(GradientCheck.hessian(r, x).passes(1e-6, 1e-8), GradientCheck.hessian(r, x).toString());
    }

    @Test
    void aNegativePowerAtZeroIsReportedAsPowWas() {
        Recording r = Tape.record(x -> x[0].pow(-1), 1.0);
        try {
            r.gradient(new double[] {0}, new double[1]);
        } catch (NonFiniteException e) {
            assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
            return;
        }
        throw new AssertionError("the gradient of 1/x at 0 is infinite and must be reported");
    }

    private static void assertBits(double expected, double actual, String what, int k, double x) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " of x^" + k + " at " + x + ": pow gives " + expected + ", products " + actual);
    }
}
