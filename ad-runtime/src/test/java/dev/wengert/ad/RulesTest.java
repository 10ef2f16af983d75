package dev.wengert.ad;

import static dev.wengert.ad.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.tape.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every opcode of the rules table, recorded alone on a tape of one to four variables (so the
 * recorded function is the opcode itself), against hand-written closed forms of its value, first
 * and second derivatives and against central differences, at several points of its domain
 * including points near its edges; and the same opcode through {@link Dual} where Dual has it.
 *
 * <p>The closed forms are written independently of {@code Rules} (e.g. tan' as 1 / cos^2, not
 * 1 + tan^2), so agreement to 1e-12 means the rule is right, not that it was copied. The
 * conventions at non-differentiable points are in {@link ConventionsTest}.
 */
class RulesTest {

    // Closed forms and rules compute the same quantity by different formulas; each side is within a
    // few ulps, so 1e-12 relative (with an absolute floor for exact zeros) is round-off, not slack.
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-15;

    // Central differences with h = cbrt(eps) max(1, |x|) (GradientCheck's step) have truncation error
    // ~ h^2 |f'''| / 6 ~ 6e-12 |f'''| and rounding error ~ eps |f| / h ~ 2e-11 |f|; at the points used
    // here (kept away from singularities) that is below 1e-7 relative, so 1e-6 leaves a margin.
    private static final double FD_RTOL = 1e-6;
    private static final double FD_ATOL = 1e-8;

    /**
     * One opcode as an n-variable function: how to record it, how Dual computes it (null when Dual
     * has no such operation), and its closed-form value, gradient and row-major Hessian.
     */
    record Case(String name, int opcode, int n, ScalarFunction tape, Function<Dual[], Dual> dual,
                ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
                Function<double[], double[]> hessian, List<double[]> smoothPoints, List<double[]> edgePoints) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    // 1 - 2^-20: its square and 1 minus its square are exact doubles, so asin/acos near the edge of
    // their domain can be compared at 1e-12 without the closed form itself losing digits.
    private static final double NEAR_ONE = 1 - 0x1p-20;

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- unary ----
        c.add(unary("neg", Op.NEG, Var::unaryMinus, Dual::unaryMinus, x -> -x, x -> -1, x -> 0,
                pts(-2.5, 0, 1.7), pts(1e300)));
        c.add(unary("reciprocal", Op.RECIPROCAL, Var::reciprocal, Dual::reciprocal,
                x -> 1 / x, x -> -1 / (x * x), x -> 2 / (x * x * x), pts(-3, -0.4, 0.5, 2), pts(1e-3, -1e5)));
        c.add(unary("square", Op.SQUARE, Var::square, Dual::square, x -> x * x, x -> 2 * x, x -> 2,
                pts(-1.5, 0, 3), pts(1e150)));
        c.add(unary("sqrt", Op.SQRT, Var::sqrt, Dual::sqrt, Math::sqrt,
                x -> 0.5 * Math.pow(x, -0.5), x -> -0.25 * Math.pow(x, -1.5), pts(0.25, 1, 4, 100), pts(1e-10, 1e10)));
        c.add(unary("cbrt", Op.CBRT, Var::cbrt, Dual::cbrt, Math::cbrt,
                x -> Math.pow(Math.abs(x), -2.0 / 3) / 3,
                x -> -2.0 / 9 * Math.signum(x) * Math.pow(Math.abs(x), -5.0 / 3),
                pts(-8, -0.5, 0.3, 27), pts(-1e-9, 1e9)));
        c.add(unary("exp", Op.EXP, Var::exp, Dual::exp, Math::exp, Math::exp, Math::exp,
                pts(-3, 0, 2.5), pts(-700, 700)));
        c.add(unary("expm1", Op.EXPM1, Var::expm1, Dual::expm1, Math::expm1, Math::exp, Math::exp,
                pts(-2, 0, 1e-3, 1.5), pts(1e-12, 300)));
        c.add(unary("log", Op.LOG, Var::log, Dual::log, Math::log, x -> 1 / x, x -> -1 / (x * x),
                pts(0.1, 1, 5), pts(1e-8, 1e8)));
        c.add(unary("log1p", Op.LOG1P, Var::log1p, Dual::log1p, Math::log1p,
                x -> 1 / (1 + x), x -> -1 / ((1 + x) * (1 + x)), pts(-0.5, 0, 3), pts(-0.999, 1e-12)));
        c.add(unary("log10", Op.LOG10, Var::log10, Dual::log10, Math::log10,
                x -> 1 / (x * LN10), x -> -1 / (x * x * LN10), pts(0.5, 1, 7), pts(1e-9, 1e12)));
        c.add(unary("sin", Op.SIN, Var::sin, Dual::sin, Math::sin, Math::cos, x -> -Math.sin(x),
                pts(-2, 0, 1.3), pts(1e3)));
        c.add(unary("cos", Op.COS, Var::cos, Dual::cos, Math::cos, x -> -Math.sin(x), x -> -Math.cos(x),
                pts(-2, 0, 1.3), pts(1e3)));
        c.add(unary("tan", Op.TAN, Var::tan, Dual::tan, Math::tan,
                x -> 1 / (Math.cos(x) * Math.cos(x)),
                x -> 2 * Math.sin(x) / (Math.cos(x) * Math.cos(x) * Math.cos(x)),
                pts(-1.2, 0, 0.7), pts(1.5707, -1.5707)));
        c.add(unary("asin", Op.ASIN, Var::asin, Dual::asin, Math::asin,
                x -> 1 / Math.sqrt((1 - x) * (1 + x)), x -> x / Math.pow((1 - x) * (1 + x), 1.5),
                pts(-0.9, 0, 0.5), pts(NEAR_ONE, -NEAR_ONE)));
        c.add(unary("acos", Op.ACOS, Var::acos, Dual::acos, Math::acos,
                x -> -1 / Math.sqrt((1 - x) * (1 + x)), x -> -x / Math.pow((1 - x) * (1 + x), 1.5),
                pts(-0.9, 0, 0.5), pts(NEAR_ONE, -NEAR_ONE)));
        c.add(unary("atan", Op.ATAN, Var::atan, Dual::atan, Math::atan,
                x -> 1 / (1 + x * x), x -> -2 * x / ((1 + x * x) * (1 + x * x)), pts(-3, 0, 0.8), pts(1e8)));
        c.add(unary("sinh", Op.SINH, Var::sinh, Dual::sinh, Math::sinh, Math::cosh, Math::sinh,
                pts(-2, 0, 1.5), pts(300)));
        c.add(unary("cosh", Op.COSH, Var::cosh, Dual::cosh, Math::cosh, Math::sinh, Math::cosh,
                pts(-2, 0, 1.5), pts(-300)));
        c.add(unary("tanh", Op.TANH, Var::tanh, Dual::tanh, Math::tanh,
                x -> 1 / (Math.cosh(x) * Math.cosh(x)),
                x -> -2 * Math.sinh(x) / Math.pow(Math.cosh(x), 3), pts(-1.5, 0, 0.6), pts(3)));
        c.add(unary("abs", Op.ABS, Var::abs, Dual::abs, Math::abs, Math::signum, x -> 0,
                pts(-2, 1.5), pts(-1e-300, 1e-300)));
        c.add(unary("signum", Op.SIGNUM, Var::signum, null, Math::signum, x -> 0, x -> 0,
                pts(-1.7, 0.3, 2.5), pts(1e-300)));
        c.add(unary("floor", Op.FLOOR, Var::floor, null, Math::floor, x -> 0, x -> 0,
                pts(-1.7, 0.3, 2.5), pts(-1e-300)));
        c.add(unary("rint", Op.RINT, Var::rint, Dual::rint, Math::rint, x -> 0, x -> 0,
                pts(-1.7, 0.3, 2.6), pts(2.5)));
        c.add(unary("ceil", Op.CEIL, Var::ceil, null, Math::ceil, x -> 0, x -> 0,
                pts(-1.7, 0.3, 2.5), pts(1e-300)));

        // ---- a variable and a constant ----
        c.add(unary("x + 2.5", Op.ADD_CONST, x -> x.plus(2.5), x -> x.plus(2.5), x -> x + 2.5, x -> 1, x -> 0,
                pts(-3, 0, 4), pts(-2.5)));
        c.add(unary("x - 2.5", Op.SUB_CONST, x -> x.minus(2.5), x -> x.minus(2.5), x -> x - 2.5, x -> 1, x -> 0,
                pts(-3, 0, 4), pts(2.5)));
        c.add(unary("2.5 - x", Op.CONST_SUB, x -> Var.minus(2.5, x), null, x -> 2.5 - x, x -> -1, x -> 0,
                pts(-3, 0, 4), pts(2.5)));
        c.add(unary("x * -1.5", Op.MUL_CONST, x -> x.times(-1.5), x -> x.times(-1.5), x -> -1.5 * x,
                x -> -1.5, x -> 0, pts(-3, 0, 4), pts(1e300)));
        c.add(unary("x / 4", Op.DIV_CONST, x -> x.div(4.0), x -> x.div(4.0), x -> x / 4, x -> 0.25, x -> 0,
                pts(-3, 0, 4), pts(1e-300)));
        c.add(unary("3 / x", Op.CONST_DIV, x -> Var.div(3.0, x), null, x -> 3 / x, x -> -3 / (x * x),
                x -> 6 / (x * x * x), pts(-2, 0.5, 4), pts(1e-3, -1e3)));
        c.add(unary("x ^ 2.5", Op.POW_CONST, x -> x.pow(2.5), x -> x.pow(2.5), x -> Math.pow(x, 2.5),
                x -> 2.5 * Math.pow(x, 1.5), x -> 3.75 * Math.sqrt(x), pts(0.3, 1, 2.2), pts(0, 1e-10)));
        c.add(unary("x ^ 3", Op.CUBE, x -> x.pow(3), x -> x.pow(3), x -> x * x * x,
                x -> 3 * x * x, x -> 6 * x, pts(-1.5, 0, 0.7), pts(-1e-100, 1e100)));
        c.add(unary("x ^ 3.0", Op.CUBE, x -> x.pow(3.0), x -> x.pow(3.0), x -> x * x * x,
                x -> 3 * x * x, x -> 6 * x, pts(-1.5, 0, 0.7), pts(-0.0)));
        c.add(unary("x ^ 2", Op.SQUARE, x -> x.pow(2), x -> x.pow(2), x -> x * x, x -> 2 * x, x -> 2,
                pts(-1.5, 0, 3), pts(-0.0, 1e150)));
        c.add(unary("x ^ -1", Op.RECIPROCAL, x -> x.pow(-1), x -> x.pow(-1), x -> 1 / x, x -> -1 / (x * x),
                x -> 2 / (x * x * x), pts(-3, -0.4, 0.5, 2), pts(1e-3, -1e5)));
        c.add(unary("x ^ 4", Op.FOURTH_POWER, x -> x.pow(4), x -> x.pow(4), x -> x * x * x * x,
                x -> 4 * x * x * x, x -> 12 * x * x, pts(-1.5, 0, 0.7), pts(1e-80, -0.0, -1e77)));
        c.add(unary("x ^ 4.0", Op.FOURTH_POWER, x -> x.pow(4.0), x -> x.pow(4.0), x -> x * x * x * x,
                x -> 4 * x * x * x, x -> 12 * x * x, pts(-2.5, 0.3, 3), pts(1e70)));
        c.add(unary("x ^ -2", Op.INVERSE_SQUARE, x -> x.pow(-2.0), x -> x.pow(-2.0), x -> 1 / (x * x),
                x -> -2 / (x * x * x), x -> 6 / (x * x * x * x), pts(-1.5, 0.6, 2), pts(1e-3, -1e5, 1e100)));
        c.add(unary("x ^ -2 (int)", Op.INVERSE_SQUARE, x -> x.pow(-2), x -> x.pow(-2), x -> 1 / (x * x),
                x -> -2 / (x * x * x), x -> 6 / (x * x * x * x), pts(-0.4, 1.3, 5), pts(-1e-3)));
        c.add(unary("x ^ -3", Op.INVERSE_CUBE, x -> x.pow(-3), x -> x.pow(-3), x -> 1 / (x * x * x),
                x -> -3 / (x * x * x * x), x -> 12 / (x * x * x * x * x), pts(-1.5, 0.6, 2), pts(1e-3, -1e5, -1e-3)));
        c.add(unary("x ^ -3.0", Op.INVERSE_CUBE, x -> x.pow(-3.0), x -> x.pow(-3.0), x -> 1 / (x * x * x),
                x -> -3 / (x * x * x * x), x -> 12 / (x * x * x * x * x), pts(-2.2, 0.45, 4), pts(1e60)));
        c.add(unary("x ^ 5", Op.POW_CONST, x -> x.pow(5), x -> x.pow(5), x -> x * x * x * x * x,
                x -> 5 * x * x * x * x, x -> 20 * x * x * x, pts(-1.5, 0.7, 2), pts(0)));
        c.add(unary("x ^ -4", Op.POW_CONST, x -> x.pow(-4.0), x -> x.pow(-4.0), x -> 1 / (x * x * x * x),
                x -> -4 / (x * x * x * x * x), x -> 20 / (x * x * x * x * x * x), pts(-1.5, 0.6, 2), pts(1e-3)));
        c.add(unary("x ^ 1", Op.POW_CONST, x -> x.pow(1.0), x -> x.pow(1.0), x -> x, x -> 1, x -> 0,
                pts(-1.5, 2), pts(0)));
        c.add(unary("x ^ 0", Op.POW_CONST, x -> x.pow(0.0), x -> x.pow(0.0), x -> 1, x -> 0, x -> 0,
                pts(-1.5, 2), pts(0)));
        c.add(unary("2 ^ x", Op.CONST_POW, x -> Var.pow(2.0, x), null, x -> Math.pow(2, x),
                x -> Math.pow(2, x) * LN2, x -> Math.pow(2, x) * LN2 * LN2, pts(-3, 0, 1.5), pts(1000, -1000)));
        c.add(unary("0.5 ^ x", Op.CONST_POW, x -> Var.pow(0.5, x), null, x -> Math.pow(0.5, x),
                x -> -Math.pow(0.5, x) * LN2, x -> Math.pow(0.5, x) * LN2 * LN2, pts(-3, 0, 1.5), pts(50)));
        // Recorded from x.minus(c).square() and Var.minus(c, x).square(), which the tape fuses into one node.
        c.add(unary("(x - 1.5)^2", Op.SQUARED_DIFFERENCE_CONST, x -> x.minus(1.5).square(), x -> x.minus(1.5).square(),
                x -> (x - 1.5) * (x - 1.5), x -> 2 * (x - 1.5), x -> 2, pts(-1, 0, 1.5, 3.25), pts(1e150, -1e-200)));
        c.add(unary("(1.5 - x)^2", Op.SQUARED_DIFFERENCE_CONST, x -> Var.minus(1.5, x).square(),
                x -> Dual.minus(1.5, x).square(), x -> (1.5 - x) * (1.5 - x), x -> 2 * (x - 1.5), x -> 2,
                pts(-1, 0, 1.5, 3.25), pts(-1e150, 1e-200)));
        c.add(unary("min(x, 1)", Op.MIN_CONST, x -> x.min(1.0), null, x -> Math.min(x, 1),
                x -> x <= 1 ? 1 : 0, x -> 0, pts(-1, 0.5, 3), pts(1 - 1e-15, 1 + 1e-15)));
        c.add(unary("max(x, 1)", Op.MAX_CONST, x -> x.max(1.0), null, x -> Math.max(x, 1),
                x -> x >= 1 ? 1 : 0, x -> 0, pts(-1, 0.5, 3), pts(1 - 1e-15, 1 + 1e-15)));

        // ---- binary: gradient (fx, fy), Hessian (fxx, fxy, fyy) ----
        c.add(binary("add", Op.ADD, Var::plus, Dual::plus, (a, b) -> a + b,
                (a, b) -> new double[] {1, 1}, (a, b) -> new double[] {0, 0, 0},
                pairs(-1, 2, 0, 0, 3.5, -0.25), pairs(1e300, -1e300)));
        c.add(binary("sub", Op.SUB, Var::minus, Dual::minus, (a, b) -> a - b,
                (a, b) -> new double[] {1, -1}, (a, b) -> new double[] {0, 0, 0},
                pairs(-1, 2, 0, 0, 3.5, -0.25), pairs(1e300, 1e300)));
        // Recorded from x.minus(y).square(), which the tape fuses into one node.
        c.add(binary("(x - y)^2", Op.SQUARED_DIFFERENCE, (a, b) -> a.minus(b).square(), (a, b) -> a.minus(b).square(),
                (a, b) -> (a - b) * (a - b), (a, b) -> new double[] {2 * (a - b), -2 * (a - b)},
                (a, b) -> new double[] {2, -2, 2}, pairs(-1, 2, 0, 0, 3.5, -0.25, 1.5, 1.5), pairs(1e150, -1e150, 1e-200, 0)));
        c.add(binary("mul", Op.MUL, Var::times, Dual::times, (a, b) -> a * b,
                (a, b) -> new double[] {b, a}, (a, b) -> new double[] {0, 1, 0},
                pairs(-1, 2, 0, 0, 3.5, -0.25), pairs(1e-200, 1e200)));
        c.add(binary("div", Op.DIV, Var::div, Dual::div, (a, b) -> a / b,
                (a, b) -> new double[] {1 / b, -a / (b * b)},
                (a, b) -> new double[] {0, -1 / (b * b), 2 * a / (b * b * b)},
                pairs(-1, 2, 0, 0.5, 3.5, -0.25), pairs(1, 1e-3, -1e3, 1e3)));
        c.add(binary("pow", Op.POW, Var::pow, Dual::pow, Math::pow,
                (a, b) -> new double[] {b * Math.pow(a, b - 1), Math.pow(a, b) * Math.log(a)},
                (a, b) -> new double[] {b * (b - 1) * Math.pow(a, b - 2), Math.pow(a, b - 1) * (1 + b * Math.log(a)),
                        Math.pow(a, b) * Math.log(a) * Math.log(a)},
                pairs(1.5, 2.3, 0.4, -1.2, 3, 0.5, 2, 2), pairs(1e-5, 3, 50, 4)));
        c.add(binary("atan2", Op.ATAN2, Var::atan2, Dual::atan2, Math::atan2,
                (a, b) -> new double[] {b / (a * a + b * b), -a / (a * a + b * b)},
                (a, b) -> {
                    double r4 = (a * a + b * b) * (a * a + b * b);
                    return new double[] {-2 * a * b / r4, (a * a - b * b) / r4, 2 * a * b / r4};
                },
                pairs(1, 2, -0.5, -1.5, 2, -0.3, 0, 1), pairs(1e-5, -1e-5, 1e5, 1)));
        c.add(binary("hypot", Op.HYPOT, Var::hypot, Dual::hypot, Math::hypot,
                (a, b) -> new double[] {a / Math.hypot(a, b), b / Math.hypot(a, b)},
                (a, b) -> {
                    double r3 = Math.pow(Math.hypot(a, b), 3);
                    return new double[] {b * b / r3, -a * b / r3, a * a / r3};
                },
                pairs(3, 4, -1, 0.5, 0.2, -2), pairs(1e100, -2e100, 1e-3, 0)));
        c.add(binary("min", Op.MIN, Var::min, Dual::min, Math::min,
                (a, b) -> a < b ? new double[] {1, 0} : new double[] {0, 1}, (a, b) -> new double[] {0, 0, 0},
                pairs(-1, 2, 3, 0.5), pairs(1, 1 + 1e-15)));
        c.add(binary("max", Op.MAX, Var::max, Dual::max, Math::max,
                (a, b) -> a > b ? new double[] {1, 0} : new double[] {0, 1}, (a, b) -> new double[] {0, 0, 0},
                pairs(-1, 2, 3, 0.5), pairs(1 + 1e-15, 1)));

        // ---- n-ary ----
        c.add(new Case("sum(x0, x1, x2, x0)", Op.SUM, 3, x -> Var.sum(x[0], x[1], x[2], x[0]), null,
                x -> 2 * x[0] + x[1] + x[2], x -> new double[] {2, 1, 1}, x -> new double[9],
                List.of(new double[] {1, -2, 0.5}), List.of(new double[] {1e300, -1e300, 0})));
        c.add(new Case("dot([x0, x1], [x2, x3])", Op.DOT, 4,
                x -> Var.dot(new Var[] {x[0], x[1]}, new Var[] {x[2], x[3]}), null,
                x -> x[0] * x[2] + x[1] * x[3], x -> new double[] {x[2], x[3], x[0], x[1]},
                x -> new double[] {0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0},
                List.of(new double[] {1, -2, 0.5, 3}, new double[] {0, 0, 0, 0}),
                List.of(new double[] {1e-200, 1e200, 1e200, 1e-200})));
        c.add(new Case("dot([x0, x1], [x0, x1])", Op.DOT, 2,
                x -> Var.dot(new Var[] {x[0], x[1]}, new Var[] {x[0], x[1]}), null,
                x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]},
                x -> new double[] {2, 0, 0, 2}, List.of(new double[] {1.5, -0.5}), List.of(new double[] {0, 0})));
        c.add(new Case("norm(x0, x1, x2)", Op.NORM, 3, Var::norm, null,
                x -> Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]),
                x -> {
                    double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                    return new double[] {x[0] / r, x[1] / r, x[2] / r};
                },
                x -> {
                    double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                    double[] h = new double[9];
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) h[i * 3 + j] = ((i == j ? r * r : 0) - x[i] * x[j]) / (r * r * r);
                    }
                    return h;
                },
                List.of(new double[] {1, -2, 2}, new double[] {0.3, 0, 0}), List.of(new double[] {1e-3, 0, 1e-3})));
        // A norm of differences is recorded as one distance node; with a reciprocal on top, the
        // reciprocal is fused into it (the pair term of the Thomson energy).
        c.add(new Case("norm(x0 - x3, x1 - x4, x2 - x5)", Op.DISTANCE, 6,
                x -> Var.norm(x[0].minus(x[3]), x[1].minus(x[4]), x[2].minus(x[5])), null,
                x -> Math.sqrt(sq(x[0] - x[3]) + sq(x[1] - x[4]) + sq(x[2] - x[5])),
                x -> pairGradient(x, 1, 1, 0),
                x -> pairHessian(x, false, 0),
                List.of(new double[] {1, -2, 2, 0.5, 0.25, -1}, new double[] {0.3, 0, 0, 0, 0, 0}),
                List.of(new double[] {1e-3, 0, 1e-3, 0, 0, 0})));
        c.add(new Case("1 / norm(x0 - x3, x1 - x4, x2 - x5)", Op.DISTANCE, 6,
                x -> Var.norm(x[0].minus(x[3]), x[1].minus(x[4]), x[2].minus(x[5])).reciprocal(), null,
                x -> 1 / Math.sqrt(sq(x[0] - x[3]) + sq(x[1] - x[4]) + sq(x[2] - x[5])),
                x -> pairGradient(x, -1, 3, 0),
                x -> pairHessian(x, true, 0),
                List.of(new double[] {1, -2, 2, 0.5, 0.25, -1}, new double[] {0.3, 0, 0, 0, 0, 0.1}),
                List.of(new double[] {1e-3, 2e-3, 1e-3, 0, 0, 0})));
        // A sum of squared differences is one squared-distance node; a constant added to it and a square root
        // on top go into it too (the minimal-surface cell, sqrt(1 + |grad u|^2)).
        c.add(new Case("(x0 - x2)^2 + (x1 - x3)^2", Op.SQUARED_DISTANCE, 4,
                x -> x[0].minus(x[2]).square().plus(x[1].minus(x[3]).square()), null,
                x -> sq(x[0] - x[2]) + sq(x[1] - x[3]),
                x -> new double[] {2 * (x[0] - x[2]), 2 * (x[1] - x[3]), -2 * (x[0] - x[2]), -2 * (x[1] - x[3])},
                x -> new double[] {2, 0, -2, 0, 0, 2, 0, -2, -2, 0, 2, 0, 0, -2, 0, 2},
                List.of(new double[] {1, -2, 0.5, 3}, new double[] {0, 0, 0, 0}),
                List.of(new double[] {1e150, -1e150, -1e150, 1e150})));
        c.add(new Case("sqrt(1 + (x0 - x3)^2 + (x1 - x4)^2 + (x2 - x5)^2)", Op.SQUARED_DISTANCE, 6,
                x -> x[0].minus(x[3]).square().plus(x[1].minus(x[4]).square()).plus(x[2].minus(x[5]).square())
                        .plus(1).sqrt(), null,
                x -> Math.sqrt(1 + sq(x[0] - x[3]) + sq(x[1] - x[4]) + sq(x[2] - x[5])),
                x -> pairGradient(x, 1, 1, 1),
                x -> pairHessian(x, false, 1),
                List.of(new double[] {1, -2, 2, 0.5, 0.25, -1}, new double[] {0.3, 0, 0, 0, 0, 0}),
                List.of(new double[] {0, 0, 0, 0, 0, 0})));
        c.add(new Case("linear 2 x0 - 3 x1 + 0.5 x2", Op.LINEAR, 3,
                x -> Var.dot(new double[] {2, -3, 0.5}, x), null,
                x -> 2 * x[0] - 3 * x[1] + 0.5 * x[2], x -> new double[] {2, -3, 0.5}, x -> new double[9],
                List.of(new double[] {1, -2, 0.5}), List.of(new double[] {1e300, 1e300, 0})));
        return c;
    }

    // ---- the tests ----

    @Test
    void everyOpcodeOfTheTableHasACase() {
        Set<Integer> covered = new TreeSet<>();
        for (Case c : cases()) covered.add(c.opcode());
        Set<String> missing = new TreeSet<>();
        for (int op = Op.NEG; op < Op.COUNT; op++) {
            if (!covered.contains(op)) missing.add(Op.name(op));
        }
        assertTrue(missing.isEmpty(), "opcodes without a test case: " + missing);
    }

    static Stream<Arguments> smoothPoints() {
        return cases().stream().flatMap(c -> c.smoothPoints().stream().map(p -> Arguments.of(c, p)));
    }

    static Stream<Arguments> allPoints() {
        return cases().stream().flatMap(c -> Stream.concat(c.smoothPoints().stream(), c.edgePoints().stream())
                .map(p -> Arguments.of(c, p)));
    }

    static Stream<Arguments> dualPoints() {
        return allPoints().filter(a -> ((Case) a.get()[0]).dual() != null);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void replayedValueMatchesClosedForm(Case c, double[] x) {
        Recording r = Tape.record(c.tape(), c.smoothPoints().get(0));
        assertClose(c.value().applyAsDouble(x), r.value(x), RTOL, ATOL, c + " value");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void tapeGradientMatchesClosedForm(Case c, double[] x) {
        double[] g = new double[c.n()];
        Tape.record(c.tape(), x).gradient(x, g);
        assertClose(c.gradient().apply(x), g, RTOL, ATOL, c + " gradient");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void tapeHessianMatchesClosedForm(Case c, double[] x) {
        double[] h = new double[c.n() * c.n()];
        Tape.record(c.tape(), x).hessian(x, h);
        assertClose(c.hessian().apply(x), h, RTOL, ATOL, c + " Hessian");
    }

    // The sparse Hessian by each method, against the closed form: its pattern comes from a pass that decides
    // by opcode which nodes are nonlinear, and an opcode it wrongly takes for linear loses its curvature here.
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void sparseHessianMatchesClosedForm(Case c, double[] x) {
        Recording r = Tape.record(c.tape(), x);
        for (SparseHessianMethod method : SparseHessianMethod.values()) {
            double[] values = new double[r.hessianPattern().nonZeros()];
            r.sparseHessian(x, values, method);
            assertClose(c.hessian().apply(x), r.hessianPattern().toDense(values), RTOL, ATOL,
                    c + " sparse Hessian, " + method);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void tapeHessianVectorAndGradientMatchClosedForm(Case c, double[] x) {
        double[] v = direction(c.n());
        double[] g = new double[c.n()];
        double[] hv = new double[c.n()];
        double fx = Tape.record(c.tape(), x).gradientAndHessianVector(x, v, g, hv);
        assertClose(c.value().applyAsDouble(x), fx, RTOL, ATOL, c + " value");
        assertClose(c.gradient().apply(x), g, RTOL, ATOL, c + " gradient");
        // H v sums n products: relative to the largest |H_ij v_j| term.
        double scale = 0;
        for (double vi : v) scale += Math.abs(vi);
        assertClose(Close.times(c.hessian().apply(x), v), hv, RTOL, ATOL + RTOL * maxAbs(c.hessian().apply(x)) * scale,
                c + " Hv");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("allPoints")
    void tapeJvpMatchesClosedFormDirectionalDerivative(Case c, double[] x) {
        double[] v = direction(c.n());
        double[] out = new double[1];
        Tape.record(c.tape(), x).jvp(x, v, out);
        double[] g = c.gradient().apply(x);
        double scale = 0;
        for (int i = 0; i < g.length; i++) scale += Math.abs(g[i] * v[i]);
        assertClose(Close.dot(g, v), out[0], 0, ATOL + RTOL * scale, c + " J v");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("smoothPoints")
    void tapeGradientAgreesWithCentralDifferences(Case c, double[] x) {
        GradientCheck.Report report = GradientCheck.gradient(Tape.record(c.tape(), x), x);
        assertTrue(report.passes(FD_RTOL, FD_ATOL), report::toString);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("smoothPoints")
    void tapeHessianAgreesWithCentralDifferences(Case c, double[] x) {
        GradientCheck.Report report = GradientCheck.hessian(Tape.record(c.tape(), x), x);
        assertTrue(report.passes(FD_RTOL, FD_ATOL), report::toString);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("smoothPoints")
    void tapeHessianVectorAgreesWithCentralDifferences(Case c, double[] x) {
        GradientCheck.Report report = GradientCheck.hessianVector(Tape.record(c.tape(), x), x, direction(c.n()));
        assertTrue(report.passes(FD_RTOL, FD_ATOL), report::toString);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("dualPoints")
    void dualValueAndTangentMatchClosedForm(Case c, double[] x) {
        double[] v = direction(c.n());
        Dual[] d = new Dual[c.n()];
        for (int i = 0; i < d.length; i++) d[i] = Dual.variable(x[i], v[i]);
        Dual y = c.dual().apply(d);
        assertClose(c.value().applyAsDouble(x), y.value(), RTOL, ATOL, c + " Dual value");
        double[] g = c.gradient().apply(x);
        double scale = 0;
        for (int i = 0; i < g.length; i++) scale += Math.abs(g[i] * v[i]);
        assertClose(Close.dot(g, v), y.tangent(), 0, ATOL + RTOL * scale, c + " Dual tangent");
    }

    // ---- helpers ----

    // A direction with distinct, non-unit entries, so a rule that ignores the tangent is caught.
    private static double[] direction(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 0.7 - 1.9 * i;
        return v;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static List<double[]> pts(double... xs) {
        List<double[]> out = new ArrayList<>();
        for (double x : xs) out.add(new double[] {x});
        return out;
    }

    private static List<double[]> pairs(double... xy) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) out.add(new double[] {xy[i], xy[i + 1]});
        return out;
    }

    private static Case unary(String name, int op, UnaryOperator<Var> t, UnaryOperator<Dual> d,
                              DoubleUnaryOperator f, DoubleUnaryOperator d1, DoubleUnaryOperator d2,
                              List<double[]> smooth, List<double[]> edges) {
        return new Case(name, op, 1, x -> t.apply(x[0]), d == null ? null : x -> d.apply(x[0]),
                x -> f.applyAsDouble(x[0]), x -> new double[] {d1.applyAsDouble(x[0])},
                x -> new double[] {d2.applyAsDouble(x[0])}, smooth, edges);
    }

    private static Case binary(String name, int op, BinaryOperator<Var> t, BinaryOperator<Dual> d,
                               DoubleBinaryOperator f, BinaryOperator2 grad, BinaryOperator2 hess,
                               List<double[]> smooth, List<double[]> edges) {
        return new Case(name, op, 2, x -> t.apply(x[0], x[1]), x -> d.apply(x[0], x[1]),
                x -> f.applyAsDouble(x[0], x[1]), x -> grad.apply(x[0], x[1]),
                x -> {
                    double[] s = hess.apply(x[0], x[1]);
                    return new double[] {s[0], s[1], s[1], s[2]};
                }, smooth, edges);
    }

    @FunctionalInterface
    interface BinaryOperator2 {
        double[] apply(double a, double b);
    }

    private static double sq(double a) {
        return a * a;
    }

    // Gradient of sign * r^(1 - power) ... in the two forms used: r (sign 1, power 1) gives d / r,
    // 1 / r (sign -1, power 3) gives -d / r^3; the second point gets the opposite sign.
    // Gradient of sign * r^(2 - power) with r = sqrt(offset + |p - q|^2): sign d / r^power for p, its negation for q.
    private static double[] pairGradient(double[] x, double sign, int power, double offset) {
        double[] d = {x[0] - x[3], x[1] - x[4], x[2] - x[5]};
        double r = Math.sqrt(offset + d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        double[] g = new double[6];
        for (int k = 0; k < 3; k++) {
            g[k] = sign * d[k] / Math.pow(r, power);
            g[k + 3] = -g[k];
        }
        return g;
    }

    // Hessian of r = sqrt(offset + |p - q|^2) (block M = (r^2 I - d d^T) / r^3) or of 1 / r (block
    // B = 3 d d^T / r^5 - I / r^3), laid out as [[M, -M], [-M, M]].
    private static double[] pairHessian(double[] x, boolean reciprocal, double offset) {
        double[] d = {x[0] - x[3], x[1] - x[4], x[2] - x[5]};
        double r2 = offset + d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        double r = Math.sqrt(r2);
        double[] h = new double[36];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double block = reciprocal
                        ? 3 * d[i] * d[j] / (r2 * r2 * r) - (i == j ? 1 / (r2 * r) : 0)
                        : ((i == j ? r2 : 0) - d[i] * d[j]) / (r2 * r);
                h[i * 6 + j] = block;
                h[(i + 3) * 6 + j + 3] = block;
                h[i * 6 + j + 3] = -block;
                h[(i + 3) * 6 + j] = -block;
            }
        }
        return h;
    }
}
