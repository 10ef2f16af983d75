package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * State carried from one loop iteration to the next, beyond sums: {@code p *= e}, Horner's
 * {@code p = p * t + c[k]}, the Chebyshev three-term recurrence, a sum that reads itself, carried state in
 * branches and in nested loops. The adjoint runs the iterations backwards from the states the forward sweep
 * saved per thread. Checked against the same Java run directly (1e-12 relative), the tape (1e-12 relative to
 * the largest entry) and central finite differences (to their truncation error, the tolerances of
 * {@link Checks#agreesWithFiniteDifferences}).
 */
class CarriedStateTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;
            import dev.wengert.ad.Wrt;

            public class Carried {
                /** prod x_i, times a Horner polynomial in x[0] with data coefficients. */
                @Differentiate
                public static double horner(@Wrt double[] x, double[] c) {
                    double p = 1;
                    for (int i = 0; i < x.length; i++) {
                        p *= x[i];
                    }
                    double q = 0.5;
                    for (int i = 0; i < x.length; i++) {
                        q = q;
                    }
                    double h = c[c.length - 1];
                    int k = 0;
                    while (k < c.length - 1) {
                        h = h * x[0] + c[c.length - 2 - k];
                        k++;
                    }
                    return p + q + h;
                }

                /** Horner over the coefficients written naturally, backwards through an index. */
                @Differentiate
                public static double polynomial(@Wrt double[] x, double[] c) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double h = 0;
                        for (int k = 0; k < c.length; k++) {
                            h = h * x[i] + c[c.length - 1 - k];
                        }
                        s += h * h;
                    }
                    return s;
                }

                /** sum_k a_k T_k(y) with y = tanh(x[0] + x[1]), by T_{k+1} = 2 y T_k - T_{k-1}. */
                @Differentiate
                public static double chebyshev(@Wrt double[] x, double[] a) {
                    double y = Math.tanh(x[0] + 0.5 * x[1]);
                    double previous = 1;
                    double current = y;
                    double sum = a[0] + a[1] * y;
                    for (int k = 2; k < a.length; k++) {
                        double next = 2 * y * current - previous;
                        previous = current;
                        current = next;
                        sum += a[k] * current;
                    }
                    return sum * x[1];
                }

                /** A sum that reads itself, carried state in a branch, and a product that is returned. */
                @Differentiate
                public static double selfReading(double[] x) {
                    double s = 0;
                    double m = 1;
                    for (int i = 0; i < x.length; i++) {
                        s += s * 0.5 + x[i];
                        if (x[i] > 0) {
                            m = m * (1 + x[i]);
                        } else {
                            m = m - x[i] * s;
                        }
                    }
                    return s * m;
                }
            }
            """;

    private static final double[] C = {0.5, -1.25, 0.75, 2.0, -0.3};

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Carried", SOURCE);
    }

    private static double polynomial(double[] x) {
        double s = 0;
        for (double xi : x) {
            double h = 0;
            for (int k = 0; k < C.length; k++) {
                h = h * xi + C[C.length - 1 - k];
            }
            s += h * h;
        }
        return s;
    }

    private static Var polynomialOnTape(Var[] x) {
        Var s = null;
        for (Var xi : x) {
            Var h = xi.times(C[C.length - 1]).plus(C[C.length - 2]);
            for (int k = 2; k < C.length; k++) {
                h = h.times(xi).plus(C[C.length - 1 - k]);
            }
            s = s == null ? h.times(h) : s.plus(h.times(h));
        }
        return s;
    }

    @Test
    void hornerInsideAnOuterLoopMatchesTheTape() {
        Objective f = compiled.objective("p.CarriedPolynomialDerivatives", (Object) C);
        double[] x = {0.7, -1.1, 0.3, 1.4};
        double[] v = {1, -0.5, 2, 0.25};
        assertClose(polynomial(x), f.value(x), 1e-12 * polynomial(x), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(CarriedStateTest::polynomialOnTape, x), x, v);
    }

    private static double horner(double[] x) {
        double p = 1;
        for (double xi : x) {
            p *= xi;
        }
        double h = C[C.length - 1];
        for (int k = C.length - 2; k >= 0; k--) {
            h = h * x[0] + C[k];
        }
        return p + 0.5 + h;
    }

    private static Var hornerOnTape(Var[] x) {
        Var p = x[0];
        for (int i = 1; i < x.length; i++) {
            p = p.times(x[i]);
        }
        Var h = x[0].times(C[C.length - 1]).plus(C[C.length - 2]);
        for (int k = C.length - 3; k >= 0; k--) {
            h = h.times(x[0]).plus(C[k]);
        }
        return p.plus(0.5).plus(h);
    }

    @Test
    void aProductAndLoopsThatKeepOrStepTheirStateMatchTheTape() {
        Objective f = compiled.objective("p.CarriedHornerDerivatives", (Object) C);
        double[] x = {0.9, -1.2, 1.1, 0.8, -0.6};
        double[] v = {1, 2, -1, 0.5, 0.25};
        assertClose(horner(x), f.value(x), 1e-12 * Math.abs(horner(x)), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(CarriedStateTest::hornerOnTape, x), x, v);
    }

    private static final double[] A = {0.3, -0.8, 1.1, 0.45, -0.25, 0.6, 0.15};

    private static double chebyshev(double[] x) {
        double y = Math.tanh(x[0] + 0.5 * x[1]);
        double sum = 0;
        for (int k = 0; k < A.length; k++) {
            sum += A[k] * Math.cos(k * Math.acos(y));
        }
        return sum * x[1];
    }

    private static Var chebyshevOnTape(Var[] x) {
        Var y = x[0].plus(x[1].times(0.5)).tanh();
        Var previous = null;
        Var current = y;
        Var sum = y.times(A[1]).plus(A[0]);
        for (int k = 2; k < A.length; k++) {
            Var next = previous == null ? y.times(current).times(2).minus(1) : y.times(current).times(2).minus(previous);
            previous = current;
            current = next;
            sum = sum.plus(current.times(A[k]));
        }
        return sum.times(x[1]);
    }

    @Test
    void theChebyshevThreeTermRecurrenceMatchesTheClosedFormAndTheTape() {
        Objective f = compiled.objective("p.CarriedChebyshevDerivatives", (Object) A);
        double[] x = {0.4, -0.7};
        double[] v = {1, 0.5};
        // cos(k acos y) is T_k(y) with other rounding: 1e-12 relative still holds for k < 7
        assertClose(chebyshev(x), f.value(x), 1e-12 * Math.abs(chebyshev(x)), "value against the closed form");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(CarriedStateTest::chebyshevOnTape, x), x, v);
    }

    private static double selfReading(double[] x) {
        double s = 0;
        double m = 1;
        for (double xi : x) {
            s = s + s * 0.5 + xi;
            m = xi > 0 ? m * (1 + xi) : m - xi * s;
        }
        return s * m;
    }

    private static Var selfReadingOnTape(Var[] x) {
        Var s = x[0];
        Var m = x[0].gt(0) ? x[0].plus(1) : Var.minus(1, x[0].times(s));
        for (int i = 1; i < x.length; i++) {
            s = s.plus(s.times(0.5)).plus(x[i]);
            m = x[i].gt(0) ? m.times(x[i].plus(1)) : m.minus(x[i].times(s));
        }
        return s.times(m);
    }

    @Test
    void aSumThatReadsItselfAndStateChangedInBranchesMatchTheTape() {
        Objective f = compiled.objective("p.CarriedSelfReadingDerivatives");
        double[] v = {0.5, 1, -1, 2, 0.3};
        for (double[] x : new double[][] {{0.3, -0.8, 0.5, -0.2, 0.9}, {-0.4, 0.6, 0.2, 0.7, -0.1}}) {
            assertClose(selfReading(x), f.value(x), 1e-12 * Math.abs(selfReading(x)), "value");
            Checks.agreesWithFiniteDifferences(f, x, v);
            Checks.agreesWithTape(f, Tape.record(CarriedStateTest::selfReadingOnTape, x), x, v);
        }
    }

    @Test
    void theGeneratedGradientSavesTheStatePerThreadAndRunsTheIterationsBackwards() {
        String source = compiled.generatedSources().entrySet().stream()
                .filter(e -> e.getKey().contains("CarriedChebyshevDerivatives")).map(java.util.Map.Entry::getValue)
                .findFirst().orElseThrow();
        assertTrue(source.contains("work.previousSaved[") && source.contains("work.previousSavedDot["), source);
        assertTrue(source.contains("kBack"), source);
    }
}
