package dev.wengert.ad.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.rules.DualAlgebra;
import dev.wengert.ad.rules.ElementaryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tape's hand-tuned second partials are the catalogue's first partials differentiated (by dual
 * numbers), at ordinary points and at every convention point: 0, ties, the origin, a negative base,
 * the edges of asin's domain, huge arguments.
 */
class SecondPartialsTest {

    // The two sides evaluate the same derivative by different formulas (e.g. -0.25 / (f x) against
    // 0.5 * d(1 / f)); each is within a few ulps, so 1e-12 relative is round-off. At arguments near
    // 1e100 second partials are ~1e-200, and one formula or the other underflows an intermediate
    // (r2 * r2, q / r2): below 1e-150 both are zero to any use, hence the absolute floor.
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-150;

    private static final double[] POINTS = {-2.5, -1, -0.5, 0, 0.25, 1, 3, 1e-8, 1e150, -1e150};
    private static final double EDGE = 1 - 0x1p-20;

    static Stream<Arguments> unaryCases() {
        List<Arguments> out = new ArrayList<>();
        for (int op = 0; op < Op.COUNT; op++) {
            if (Op.kind(op) != Op.UNARY) continue;
            for (double x : concat(POINTS, EDGE, -EDGE, 1e-300)) {
                out.add(Arguments.of(Op.name(op), op, x));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> binaryCases() {
        List<Arguments> out = new ArrayList<>();
        double[] xs = {-2, -0.5, 0, 0.5, 1, 2, 1e100};
        for (int op = 0; op < Op.COUNT; op++) {
            if (Op.kind(op) != Op.BINARY && Op.kind(op) != Op.WITH_CONSTANT) continue;
            for (double x : xs) {
                for (double y : xs) {
                    out.add(Arguments.of(Op.name(op), op, x, y));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("unaryCases")
    void unarySecondPartialIsTheCataloguesPartialDifferentiated(String name, int op, double x) {
        ElementaryFunction fn = Op.function(op);
        double f = Rules.unary(op, x);
        double d = Rules.unaryDx(op, x, f);
        if (!Double.isFinite(f) || !Double.isFinite(d)) {
            return;   // outside the domain, or a first partial that is already infinite
        }
        double derived = DualAlgebra.secondPartial(fn, 0, new double[] {x}, new double[] {1});
        assertSame(derived, Rules.unaryDxx(op, x, f, d), name + "'' at " + x);
    }

    @ParameterizedTest(name = "{0} at ({2}, {3})")
    @MethodSource("binaryCases")
    void binarySecondPartialsAreTheCataloguesPartialsDifferentiated(String name, int op, double x, double y) {
        ElementaryFunction fn = Op.function(op);
        if (Op.kind(op) == Op.BINARY) {
            double f = Rules.binary(op, x, y);
            if (!Double.isFinite(f) || !Double.isFinite(Rules.binaryDx(op, x, y, f))
                    || !Double.isFinite(Rules.binaryDy(op, x, y, f))) {
                return;
            }
            double[] args = {x, y};
            assertSame(DualAlgebra.secondPartial(fn, 0, args, new double[] {1, 0}), Rules.binaryDxx(op, x, y, f),
                    name + " dxx at (" + x + ", " + y + ")");
            assertSame(DualAlgebra.secondPartial(fn, 0, args, new double[] {0, 1}), Rules.binaryDxy(op, x, y, f),
                    name + " dxy at (" + x + ", " + y + ")");
            assertSame(DualAlgebra.secondPartial(fn, 1, args, new double[] {0, 1}), Rules.binaryDyy(op, x, y, f),
                    name + " dyy at (" + x + ", " + y + ")");
        } else {
            double c = y;
            double f = Rules.withConstant(op, x, c);
            double d = Rules.withConstantDx(op, x, c, f);
            if (!Double.isFinite(f) || !Double.isFinite(d)) {
                return;
            }
            boolean first = Op.constantFirst(op);
            double[] args = first ? new double[] {c, x} : new double[] {x, c};
            double[] dir = first ? new double[] {0, 1} : new double[] {1, 0};
            assertSame(DualAlgebra.secondPartial(fn, first ? 1 : 0, args, dir), Rules.withConstantDxx(op, x, c, f, d),
                    name + " dxx at x = " + x + ", c = " + c);
        }
    }

    private static void assertSame(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= ATOL + RTOL * Math.abs(expected),
                what + ": derived " + expected + ", tape " + actual);
    }

    private static double[] concat(double[] a, double... b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
