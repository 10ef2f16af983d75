package dev.wengert.ad.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.wengert.ad.DimensionMismatchException;
import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.SparsityPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The error contract of {@link Objective} (documented there), as one test every implementation
 * runs: subclass it, return the two functions below in the implementation under test, and every
 * method of both is called with each wrong length, null and non-finite entry in turn.
 *
 * <pre>{@code
 * class RecordingContractTest extends ObjectiveContract {
 *     protected Objective smooth() { return Tape.record(x -> x[0].square().times(x[1]).plus(x[2].sin()), 1, 1, 1); }
 *     protected Objective sqrtOfFirst() { return Tape.record(x -> x[0].sqrt().plus(x[1]), 1, 1); }
 * }
 * }</pre>
 *
 * <p>Published in ad-runtime's test jar so that ad-codegen runs it on a generated class.
 */
public abstract class ObjectiveContract {

    /** f(x) = x0^2 x1 + sin(x2), n = 3, in the implementation under test; the parameter is named x. */
    protected abstract Objective smooth();

    /** f(x) = sqrt(x0) + x1, n = 2: f is NaN for x0 < 0, its derivatives infinite at x0 = 0. */
    protected abstract Objective sqrtOfFirst();

    private static final double[] X = {0.5, -1.5, 2.0};
    private static final double[] V = {1.0, 0.25, -2.0};

    /** One method of Objective: its name, its array parameters in order, and how to call it. */
    private record Method(String name, List<String> arrays, BiConsumer<Objective, double[][]> call) {
    }

    private static final List<Method> METHODS = List.of(
            new Method("value", List.of("x"), (f, a) -> f.value(a[0])),
            new Method("gradient", List.of("x", "g"), (f, a) -> f.gradient(a[0], a[1])),
            new Method("hessianVector", List.of("x", "v", "hv"), (f, a) -> f.hessianVector(a[0], a[1], a[2])),
            new Method("gradientAndHessianVector", List.of("x", "v", "g", "hv"),
                    (f, a) -> f.gradientAndHessianVector(a[0], a[1], a[2], a[3])),
            new Method("hessian", List.of("x", "h"), (f, a) -> f.hessian(a[0], a[1])));

    private static boolean isInput(String array) {
        return array.equals("x") || array.equals("v");
    }

    private static int lengthOf(String array, int n) {
        return array.equals("h") ? n * n : n;
    }

    // Valid arguments at the point p (x = p, v = V, outputs zeroed) for a function of dimension n.
    private static double[][] arguments(Method m, double[] p, int n) {
        double[][] a = new double[m.arrays().size()][];
        for (int k = 0; k < a.length; k++) {
            String name = m.arrays().get(k);
            a[k] = name.equals("x") ? p.clone() : name.equals("v") ? java.util.Arrays.copyOf(V, n)
                    : new double[lengthOf(name, n)];
        }
        return a;
    }

    private static void assertStartsWith(String prefix, String message) {
        assertTrue(message != null && message.startsWith(prefix), "expected '" + prefix + "...' but got: " + message);
    }

    // ---- the functions are the ones specified ----

    @Test
    void smoothFunctionHasTheSpecifiedValueAndDerivatives() {
        Objective f = smooth();
        double x0 = X[0];
        double x1 = X[1];
        double x2 = X[2];
        double[] g = new double[3];
        double[] hv = new double[3];
        double[] h = new double[9];
        double fx = x0 * x0 * x1 + Math.sin(x2);
        // One or two roundings apart at most between tape, generated code and this closed form.
        double tol = 4 * Math.ulp(4.0);
        assertEquals(fx, f.value(X.clone()), tol);
        assertEquals(fx, f.gradient(X.clone(), g), tol);
        double[] expectedG = {2 * x0 * x1, x0 * x0, Math.cos(x2)};
        double[] expectedH = {2 * x1, 2 * x0, 0, 2 * x0, 0, 0, 0, 0, -Math.sin(x2)};
        for (int i = 0; i < 3; i++) assertEquals(expectedG[i], g[i], tol, "g[" + i + "]");
        f.hessianVector(X.clone(), V.clone(), hv);
        f.hessian(X.clone(), h);
        for (int i = 0; i < 3; i++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) expected += expectedH[i * 3 + j] * V[j];
            assertEquals(expected, hv[i], tol, "hv[" + i + "]");
            for (int j = 0; j < 3; j++) assertEquals(expectedH[i * 3 + j], h[i * 3 + j], tol, "h[" + i + "," + j + "]");
        }
    }

    // ---- sparse Hessians, where the implementation knows its pattern ----

    private static SparsityPattern patternOrSkip(Objective f) {
        try {
            return f.hessianPattern(X.length);
        } catch (UnsupportedOperationException unknown) {
            Assumptions.abort("no Hessian pattern: " + unknown.getMessage());
            return null;
        }
    }

    @Test
    void sparseHessianHoldsTheDenseHessiansNonZerosInPatternOrder() {
        Objective f = smooth();
        SparsityPattern p = patternOrSkip(f);
        double[] values = new double[p.nonZeros()];
        f.sparseHessian(X, values);
        double[] h = new double[9];
        f.hessian(X, h);
        double[] packed = p.toDense(values);
        for (int k = 0; k < 9; k++) {
            assertEquals(h[k], packed[k], 1e-14 * Math.max(1, Math.abs(h[k])), "entry " + k);
        }
    }

    @Test
    void sparseHessianChecksXThenValuesLikeEveryMethod() {
        Objective f = smooth();
        SparsityPattern p = patternOrSkip(f);
        double[] values = new double[p.nonZeros()];
        assertEquals("sparseHessian: x is null",
                assertThrows(NullPointerException.class, () -> f.sparseHessian(null, values)).getMessage());
        assertStartsWith("sparseHessian: x has length 2", assertThrows(DimensionMismatchException.class,
                () -> f.sparseHessian(new double[2], new double[0])).getMessage());
        assertStartsWith("sparseHessian: values has length " + (p.nonZeros() + 1), assertThrows(
                DimensionMismatchException.class, () -> f.sparseHessian(X, new double[p.nonZeros() + 1])).getMessage());
        assertThrows(NonFiniteException.class, () -> f.sparseHessian(new double[] {Double.NaN, 0, 0}, values));
    }

    // ---- lengths ----

    @TestFactory
    List<DynamicTest> eachArrayOfTheWrongLengthIsADimensionMismatchNamingThatArray() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : METHODS) {
            for (int k = 0; k < m.arrays().size(); k++) {
                String name = m.arrays().get(k);
                for (int delta : new int[] {-1, 1}) {
                    // A longer x alone is not an error for a generated class (see Objective):
                    // only the other arrays can show that x is the wrong one.
                    if (name.equals("x") && delta > 0 && m.arrays().size() == 1) continue;
                    int position = k;
                    tests.add(dynamicTest(m.name() + ": " + name + " of length " + (delta < 0 ? "n - 1" : "n + 1"), () -> {
                        double[][] a = arguments(m, X, 3);
                        a[position] = new double[a[position].length + delta];
                        if (name.equals("x")) System.arraycopy(X, 0, a[position], 0, Math.min(3, a[position].length));
                        Objective f = smooth();
                        String message = assertThrows(DimensionMismatchException.class, () -> m.call().accept(f, a))
                                .getMessage();
                        assertStartsWith(m.name() + ": " + name + " has length " + a[position].length, message);
                    }));
                }
            }
        }
        return tests;
    }

    @Test
    void gradientGivenAnXLongerThanTheFunctionReadsBlamesXNotG() {
        Objective f = sqrtOfFirst();
        String message = assertThrows(DimensionMismatchException.class,
                () -> f.gradient(new double[] {1, 2, 3}, new double[2])).getMessage();
        assertStartsWith("gradient: x has length 3", message);
    }

    // ---- nulls ----

    @TestFactory
    List<DynamicTest> eachNullArrayIsANullPointerNamingTheMethodAndTheArray() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : METHODS) {
            for (int k = 0; k < m.arrays().size(); k++) {
                String name = m.arrays().get(k);
                int position = k;
                tests.add(dynamicTest(m.name() + ": " + name + " null", () -> {
                    double[][] a = arguments(m, X, 3);
                    a[position] = null;
                    Objective f = smooth();
                    String message = assertThrows(NullPointerException.class, () -> m.call().accept(f, a)).getMessage();
                    assertEquals(m.name() + ": " + name + " is null", message);
                }));
            }
        }
        return tests;
    }

    // ---- non-finite inputs ----

    @TestFactory
    List<DynamicTest> eachNonFiniteInputEntryIsANonFiniteNamingTheArrayAndTheEntry() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : METHODS) {
            for (int k = 0; k < m.arrays().size(); k++) {
                String name = m.arrays().get(k);
                if (!isInput(name)) continue;
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    int position = k;
                    tests.add(dynamicTest(m.name() + ": " + name + "[1] = " + bad, () -> {
                        double[][] a = arguments(m, X, 3);
                        a[position][1] = bad;
                        Objective f = smooth();
                        String message = assertThrows(NonFiniteException.class, () -> m.call().accept(f, a)).getMessage();
                        assertStartsWith(m.name() + ": " + name + "[1] is " + bad, message);
                    }));
                }
            }
        }
        return tests;
    }

    // ---- non-finite results at a finite x ----

    @Test
    void valueThatIsNaNAtAFiniteXIsANonFiniteNotAReturnedNaN() {
        Objective f = sqrtOfFirst();
        String message = assertThrows(NonFiniteException.class, () -> f.value(new double[] {-1, 1})).getMessage();
        assertStartsWith("value: ", message);
    }

    @TestFactory
    List<DynamicTest> derivativesThatAreInfiniteAtAFiniteXAreANonFiniteNamingTheMethod() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : METHODS) {
            if (m.name().equals("value")) continue;
            tests.add(dynamicTest(m.name() + " at sqrt's pole", () -> {
                double[][] a = arguments(m, new double[] {0, 1}, 2);
                Objective f = sqrtOfFirst();
                String message = assertThrows(NonFiniteException.class, () -> m.call().accept(f, a)).getMessage();
                assertStartsWith(m.name() + ": ", message);
            }));
        }
        return tests;
    }

    @Test
    void nanValueOfTheSqrtFunctionIsAlsoRefusedByTheGradient() {
        Objective f = sqrtOfFirst();
        assertThrows(NonFiniteException.class, () -> f.gradient(new double[] {-1, 1}, new double[2]));
    }
}
