package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import dev.wengert.ad.rules.ElementaryFunction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tape and the processor interpret one catalogue of elementary functions: every function, as
 * the whole of a recorded or generated function, has the same value, gradient, Hessian-vector
 * products (along unit directions too, whose zero tangents exercise the zero-safe products) and Hessian in both
 * engines at ordinary points and at every convention point (0, ties, the origin, a negative base,
 * the edges of asin's domain, huge arguments).
 */
class CatalogueParityTest {

    // Values and first partials are the same formulas in both engines, evaluated in the same order:
    // equal to the last bit, but the tape's hand-tuned second partials and the processor's derived
    // ones differ in rounding (a few ulps), hence 1e-12 relative; below 1e-150 both are underflow.
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-150;

    private static final double EDGE = 1 - 0x1p-20;
    private static final double[] UNARY_POINTS = {0, -0.0, 1, -1, 0.5, -2.5, 2.5, 3, EDGE, -EDGE, 1e-300, 1e300};
    private static final double[] BINARY_POINTS = {0, 1, -2, 0.5, 2, 1e150};

    /** Each catalogued function on the tape, as the function of x[0] (and x[1]) the generated class computes. */
    private static final Map<ElementaryFunction, ScalarFunction> TAPE = new EnumMap<>(ElementaryFunction.class);

    static {
        TAPE.put(ElementaryFunction.NEG, x -> x[0].unaryMinus());
        TAPE.put(ElementaryFunction.ADD, x -> x[0].plus(x[1]));
        TAPE.put(ElementaryFunction.SUB, x -> x[0].minus(x[1]));
        TAPE.put(ElementaryFunction.MUL, x -> x[0].times(x[1]));
        TAPE.put(ElementaryFunction.DIV, x -> x[0].div(x[1]));
        TAPE.put(ElementaryFunction.RECIPROCAL, x -> x[0].reciprocal());
        TAPE.put(ElementaryFunction.SQUARE, x -> x[0].square());
        TAPE.put(ElementaryFunction.SQUARED_DIFFERENCE, x -> x[0].minus(x[1]).square());
        TAPE.put(ElementaryFunction.CUBE, x -> x[0].pow(3));
        TAPE.put(ElementaryFunction.FOURTH_POWER, x -> x[0].pow(4));
        TAPE.put(ElementaryFunction.INVERSE_SQUARE, x -> x[0].pow(-2));
        TAPE.put(ElementaryFunction.INVERSE_CUBE, x -> x[0].pow(-3));
        TAPE.put(ElementaryFunction.SQRT, x -> x[0].sqrt());
        TAPE.put(ElementaryFunction.CBRT, x -> x[0].cbrt());
        TAPE.put(ElementaryFunction.EXP, x -> x[0].exp());
        TAPE.put(ElementaryFunction.EXPM1, x -> x[0].expm1());
        TAPE.put(ElementaryFunction.LOG, x -> x[0].log());
        TAPE.put(ElementaryFunction.LOG10, x -> x[0].log10());
        TAPE.put(ElementaryFunction.LOG1P, x -> x[0].log1p());
        TAPE.put(ElementaryFunction.SIN, x -> x[0].sin());
        TAPE.put(ElementaryFunction.COS, x -> x[0].cos());
        TAPE.put(ElementaryFunction.TAN, x -> x[0].tan());
        TAPE.put(ElementaryFunction.ASIN, x -> x[0].asin());
        TAPE.put(ElementaryFunction.ACOS, x -> x[0].acos());
        TAPE.put(ElementaryFunction.ATAN, x -> x[0].atan());
        TAPE.put(ElementaryFunction.SINH, x -> x[0].sinh());
        TAPE.put(ElementaryFunction.COSH, x -> x[0].cosh());
        TAPE.put(ElementaryFunction.TANH, x -> x[0].tanh());
        TAPE.put(ElementaryFunction.ABS, x -> x[0].abs());
        TAPE.put(ElementaryFunction.SIGNUM, x -> x[0].signum());
        TAPE.put(ElementaryFunction.FLOOR, x -> x[0].floor());
        TAPE.put(ElementaryFunction.CEIL, x -> x[0].ceil());
        TAPE.put(ElementaryFunction.RINT, x -> x[0].rint());
        TAPE.put(ElementaryFunction.POW, x -> x[0].pow(x[1]));
        TAPE.put(ElementaryFunction.ATAN2, x -> Var.atan2(x[0], x[1]));
        TAPE.put(ElementaryFunction.HYPOT, x -> Var.hypot(x[0], x[1]));
        TAPE.put(ElementaryFunction.MIN, x -> x[0].min(x[1]));
        TAPE.put(ElementaryFunction.MAX, x -> x[0].max(x[1]));
    }

    /** The exponents the processor folds Math.pow(a, k) into products for, as the tape records x.pow(k). */
    private static final int[] FOLDED_POWERS = {2, 3, 4, -1, -2, -3};

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compileOneMethodPerFunction() {
        StringBuilder s = new StringBuilder("""
                package p;

                import dev.wengert.ad.Differentiate;

                public class Catalogue {
                """);
        for (ElementaryFunction f : ElementaryFunction.values()) {
            String body = javaExpression(f);
            s.append("    @Differentiate public static double ").append(methodName(f))
                    .append("(double[] x) { return ").append(body).append("; }\n");
        }
        for (int k : FOLDED_POWERS) {
            s.append("    @Differentiate public static double ").append(powMethodName(k))
                    .append("(double[] x) { return Math.pow(x[0], ").append(k).append("); }\n");
        }
        s.append("}\n");
        compiled = Generated.compile("Catalogue", s.toString());
    }

    private static String javaExpression(ElementaryFunction f) {
        return switch (f) {
            case NEG -> "-x[0]";
            case ADD -> "x[0] + x[1]";
            case SUB -> "x[0] - x[1]";
            case MUL -> "x[0] * x[1]";
            case DIV -> "x[0] / x[1]";
            case RECIPROCAL -> "1 / x[0]";
            case SQUARE -> "x[0] * x[0]";
            case CUBE -> "x[0] * x[0] * x[0]";
            case FOURTH_POWER -> "(x[0] * x[0]) * (x[0] * x[0])";
            case INVERSE_SQUARE -> "1 / (x[0] * x[0])";
            case INVERSE_CUBE -> "1 / (x[0] * x[0]) / x[0]";
            case SQUARED_DIFFERENCE -> "(x[0] - x[1]) * (x[0] - x[1])";
            default -> f.arity() == 1 ? "Math." + f.javaName() + "(x[0])" : "Math." + f.javaName() + "(x[0], x[1])";
        };
    }

    private static String methodName(ElementaryFunction f) {
        return "f" + f.name().charAt(0) + f.name().substring(1).toLowerCase(Locale.ROOT).replace("_", "");
    }

    private static Objective generated(ElementaryFunction f) {
        String m = methodName(f);
        return compiled.objective("p.Catalogue" + Character.toUpperCase(m.charAt(0)) + m.substring(1) + "Derivatives");
    }

    private static String powMethodName(int k) {
        return "powOf" + (k < 0 ? "Minus" + -k : Integer.toString(k));
    }

    static Stream<Arguments> foldedPowerPoints() {
        List<Arguments> out = new ArrayList<>();
        for (int k : FOLDED_POWERS) {
            for (double x : UNARY_POINTS) {
                out.add(Arguments.of(k, new double[] {x}));
            }
            out.add(Arguments.of(k, new double[] {1e103}));
            out.add(Arguments.of(k, new double[] {-1e200}));
        }
        return out.stream();
    }

    // Math.pow(a, k) in a generated class is the processor's products (ir.Folding), x.pow(k) on the tape the
    // catalogue's: the same value to the last bit (pow's infinities at 0 included), the same derivatives
    @ParameterizedTest(name = "x^{0} at {1}")
    @MethodSource("foldedPowerPoints")
    void mathPowOfAFoldedExponentIsTheTapesIntegerPower(int k, double[] x) {
        String m = powMethodName(k);
        Objective gen = compiled.objective("p.Catalogue" + Character.toUpperCase(m.charAt(0)) + m.substring(1) + "Derivatives");
        ScalarFunction tape = v -> v[0].pow(k);
        String at = "x^" + k + " at " + x[0];
        double[] g = new double[1];
        Outcome tapeValue = Outcome.of(() -> g[0] = Tape.record(tape, x).value(x));
        Outcome genValue = Outcome.of(() -> gen.value(x));
        if (tapeValue.nonFinite() || genValue.nonFinite()) {
            assertTrue(tapeValue.nonFinite() && genValue.nonFinite(), at + ": only one engine reported the value");
            assertTrue(!Double.isFinite(Math.pow(x[0], k)), at + ": reported, though pow is finite");
            return;   // an infinite power (overflow, or a negative power at 0): no derivatives to compare
        }
        assertEquals(Double.doubleToRawLongBits(g[0]), Double.doubleToRawLongBits(gen.value(x)), at + ": value");
        double[] gTape = new double[1];
        double[] gGen = new double[1];
        compare(Outcome.of(() -> Tape.record(tape, x).gradient(x, gTape)), gTape,
                Outcome.of(() -> gen.gradient(x, gGen)), gGen, at + ": gradient");
        double[] hTape = new double[1];
        double[] hGen = new double[1];
        compare(Outcome.of(() -> Tape.record(tape, x).hessian(x, hTape)), hTape,
                Outcome.of(() -> gen.hessian(x, hGen)), hGen, at + ": Hessian");
    }

    static Stream<Arguments> points() {
        List<Arguments> out = new ArrayList<>();
        for (ElementaryFunction f : ElementaryFunction.values()) {
            if (f.arity() == 1) {
                for (double x : UNARY_POINTS) {
                    out.add(Arguments.of(f, new double[] {x}));
                }
            } else {
                for (double x : BINARY_POINTS) {
                    for (double y : BINARY_POINTS) {
                        out.add(Arguments.of(f, new double[] {x, y}));
                        out.add(Arguments.of(f, new double[] {-x, y}));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyCataloguedFunctionHasATapeCounterpart() {
        for (ElementaryFunction f : ElementaryFunction.values()) {
            assertTrue(TAPE.containsKey(f), "no tape function for " + f);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("points")
    void tapeAndGeneratedCodeAgreeOnValueGradientHessianVectorAndHessian(ElementaryFunction f, double[] x) {
        int n = x.length;
        Objective gen = generated(f);
        double[] gTape = new double[n];
        double[] hTape = new double[n * n];
        double[] gGen = new double[n];
        double[] hGen = new double[n * n];
        String at = f.displayName() + " at " + java.util.Arrays.toString(x);

        double value;
        try {
            value = Tape.record(TAPE.get(f), x).value(x);
        } catch (NonFiniteException e) {
            return;   // outside the function's domain: nothing to compare
        }
        assertSame(value, gen.value(x), at + ": value");

        Outcome tapeGradient = Outcome.of(() -> Tape.record(TAPE.get(f), x).gradient(x, gTape));
        Outcome genGradient = Outcome.of(() -> gen.gradient(x, gGen));
        compare(tapeGradient, gTape, genGradient, gGen, at + ": gradient");

        // a unit direction leaves the other argument's tangent exactly zero (the zero-safe products)
        for (double[] v : n == 1 ? new double[][] {{1}, {-0.5}} : new double[][] {{1, 0}, {0, 1}, {0.5, -1}}) {
            double[] hvTape = new double[n];
            double[] hvGen = new double[n];
            Outcome tapeHv = Outcome.of(() -> Tape.record(TAPE.get(f), x).hessianVector(x, v, hvTape));
            Outcome genHv = Outcome.of(() -> gen.hessianVector(x, v, hvGen));
            compare(tapeHv, hvTape, genHv, hvGen, at + ": Hessian times " + java.util.Arrays.toString(v));
        }

        Outcome tapeHessian = Outcome.of(() -> Tape.record(TAPE.get(f), x).hessian(x, hTape));
        Outcome genHessian = Outcome.of(() -> gen.hessian(x, hGen));
        compare(tapeHessian, hTape, genHessian, hGen, at + ": Hessian");
    }

    /** Whether a call returned or reported a non-finite result (the tape's, and the Objective contract's). */
    private record Outcome(boolean nonFinite) {
        static Outcome of(Runnable call) {
            try {
                call.run();
                return new Outcome(false);
            } catch (NonFiniteException e) {
                return new Outcome(true);
            }
        }
    }

    private static void compare(Outcome tape, double[] tapeOut, Outcome gen, double[] genOut, String what) {
        if (tape.nonFinite() || gen.nonFinite()) {
            // one engine reported a non-finite result: the other must have one too (reported or returned)
            assertTrue((tape.nonFinite() || hasNonFinite(tapeOut)) && (gen.nonFinite() || hasNonFinite(genOut)),
                    what + ": tape " + (tape.nonFinite() ? "reported a non-finite result" : java.util.Arrays.toString(tapeOut))
                            + ", generated " + (gen.nonFinite() ? "reported a non-finite result"
                            : java.util.Arrays.toString(genOut)));
            return;
        }
        for (int k = 0; k < tapeOut.length; k++) {
            assertSame(tapeOut[k], genOut[k], what + " entry " + k);
        }
    }

    private static boolean hasNonFinite(double[] a) {
        for (double d : a) {
            if (!Double.isFinite(d)) {
                return true;
            }
        }
        return false;
    }

    private static void assertSame(double expected, double actual, String what) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= ATOL + RTOL * Math.abs(expected),
                what + ": tape " + expected + ", generated " + actual);
    }
}
