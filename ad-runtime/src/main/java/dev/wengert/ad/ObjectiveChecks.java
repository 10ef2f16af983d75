package dev.wengert.ad;

/**
 * The argument and result checks of the {@link Objective} contract, in one place so that the tape,
 * {@link RecordedFunction} and the classes the {@code @Differentiate} processor generates throw the
 * same exceptions with the same messages. Every message starts with the method and the array it
 * blames ({@code "gradient: g has length 3 but 2 is required"}).
 *
 * <pre>{@code
 * ObjectiveChecks.requireLength("gradient", "x", x, n);
 * ObjectiveChecks.requireLength("gradient", "g", g, n);
 * ObjectiveChecks.requireFinite("gradient", "x", x);
 * }</pre>
 *
 * <p>Messages are built only on failure: these checks run on every evaluation.
 */
public final class ObjectiveChecks {
    private ObjectiveChecks() {
    }

    /**
     * Checks that {@code array} is not null and has length {@code expected}.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param array the array checked
     * @param expected the length required
     * @throws NullPointerException naming the array ({@code "gradient: x is null"})
     * @throws DimensionMismatchException naming the array and both lengths
     */
    public static void requireLength(String method, String name, double[] array, int expected) {
        if (array == null) throw new NullPointerException(method + ": " + name + " is null");
        if (array.length != expected) throw new DimensionMismatchException(method + ": " + name, array.length, expected);
    }

    /**
     * Checks that {@code array} is not null and has at least {@code minimum} entries: for functions
     * whose dimension follows {@code x.length} but which read fixed entries such as {@code x[2]}.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param array the array checked
     * @param minimum the least length allowed
     * @throws NullPointerException naming the array
     * @throws DimensionMismatchException naming the array, its length and the minimum
     */
    public static void requireAtLeast(String method, String name, double[] array, int minimum) {
        if (array == null) throw new NullPointerException(method + ": " + name + " is null");
        if (array.length < minimum) {
            throw new DimensionMismatchException(method + ": " + name + " has length " + array.length + " but the function reads "
                    + name + "[" + (minimum - 1) + "], so at least " + minimum + " entries are required");
        }
    }

    /**
     * Checks an array whose length follows x ({@code expected}, computed from x's length) for a
     * function that reads exactly {@code dimension} entries of x but accepts a longer x. When the
     * array has the length the function's own dimension gives ({@code ownLength}) and x does not,
     * x is the array in error and is blamed: a gradient given an x longer than f reads does not
     * blame g.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param array the array checked
     * @param expected the length required
     * @param x the point (an input)
     * @param dimension the number of entries the function reads
     * @param ownLength the length the function itself needs
     * @throws NullPointerException naming the array
     * @throws DimensionMismatchException naming the array in error and both lengths
     */
    public static void requireLengthFollowingX(String method, String name, double[] array, int expected,
                                               double[] x, int dimension, int ownLength) {
        if (array == null) throw new NullPointerException(method + ": " + name + " is null");
        if (array.length == expected) return;
        if (array.length == ownLength && x.length != dimension) {
            throw new DimensionMismatchException(method + ": x has length " + x.length + " but the function reads "
                    + dimension + " entries and " + name + " has length " + ownLength + "; pass x of length " + dimension);
        }
        throw new DimensionMismatchException(method + ": " + name, array.length, expected);
    }

    /**
     * Checks that an argument that may not be null is not.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param argument the argument checked
     * @throws NullPointerException naming it
     */
    public static void requireNonNull(String method, String name, Object argument) {
        if (argument == null) throw new NullPointerException(method + ": " + name + " is null");
    }

    /**
     * Checks that every entry of an input array (x, a direction v, output weights w) is finite.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param array the array checked
     * @throws NonFiniteException naming the array and the entry ({@code "hessianVector: v[1] is NaN"})
     */
    public static void requireFinite(String method, String name, double[] array) {
        for (int i = 0; i < array.length; i++) {
            if (!Double.isFinite(array[i])) {
                throw new NonFiniteException(method + ": " + name + "[" + i + "] is " + array[i]
                        + "; every entry of " + name + " must be finite");
            }
        }
    }

    /**
     * Returns a computed value f(x) if it is finite.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param value the value checked
     * @return the value, when it is finite
     * @throws NonFiniteException naming the method and the value
     */
    public static double requireFiniteResult(String method, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteException(method + ": f(x) is " + value + " at this x: the function is not finite there");
        }
        return value;
    }

    /**
     * Checks that every entry of a computed result (g, hv, h) is finite. Generated classes call it
     * once at the end of a method; the tape names the operation that produced a non-finite entry
     * instead (its own, slower search).
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param name the argument's name in the message
     * @param result the result array checked
     * @throws NonFiniteException naming the result array and the entry
     */
    public static void requireFiniteResult(String method, String name, double[] result) {
        for (int i = 0; i < result.length; i++) {
            if (!Double.isFinite(result[i])) {
                throw new NonFiniteException(method + ": entry " + i + " of " + name + " is " + result[i]
                        + " at this finite x: a derivative of the function is not finite there"
                        + " (record it with Derivatives.record to be told which operation)");
            }
        }
    }

    // ---- inputs and results in one pass, for generated classes ----
    //
    // On a function as cheap as Rosenbrock's a pass per array costs about as much as the value
    // itself, so generated methods check x, v and their results of length n together, in one
    // loop after computing: x * 0 + v * 0 + ... is +-0 exactly when every term is finite. (A
    // branch-free OR over the exponent bits was slower on JDK 17: it is not vectorized over
    // several arrays.) Only on a hit are the arrays checked one by one, inputs first, for the
    // message; outputs may then be partly written, as the contract allows.

    /**
     * Checks x (an input) and {@code result} (an output of x's length) for non-finite entries in one pass.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param xName its name in the message
     * @param x the point (an input)
     * @param resultName its name in the message
     * @param result the result array checked
     */
    public static void requireFinite(String method, String xName, double[] x, String resultName, double[] result) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] * 0.0 + result[i] * 0.0 != 0.0) {
                requireFinite(method, xName, x);
                requireFiniteResult(method, resultName, result);
            }
        }
    }

    /**
     * Checks the inputs x and v and {@code result} (all of x's length) for non-finite entries in one pass.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param xName its name in the message
     * @param x the point (an input)
     * @param vName its name in the message
     * @param v the direction (an input)
     * @param resultName its name in the message
     * @param result the result array checked
     */
    public static void requireFinite(String method, String xName, double[] x, String vName, double[] v,
                                     String resultName, double[] result) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] * 0.0 + v[i] * 0.0 + result[i] * 0.0 != 0.0) {
                requireFinite(method, xName, x);
                requireFinite(method, vName, v);
                requireFiniteResult(method, resultName, result);
            }
        }
    }

    /**
     * Checks the inputs x and v and the results g and hv (all of x's length) for non-finite entries in one pass.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param xName its name in the message
     * @param x the point (an input)
     * @param vName its name in the message
     * @param v the direction (an input)
     * @param gName its name in the message
     * @param g the gradient written
     * @param hvName its name in the message
     * @param hv the Hessian-vector product written
     */
    public static void requireFinite(String method, String xName, double[] x, String vName, double[] v,
                                     String gName, double[] g, String hvName, double[] hv) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] * 0.0 + v[i] * 0.0 + g[i] * 0.0 + hv[i] * 0.0 != 0.0) {
                requireFinite(method, xName, x);
                requireFinite(method, vName, v);
                requireFiniteResult(method, gName, g);
                requireFiniteResult(method, hvName, hv);
            }
        }
    }

    /**
     * The number of entries of the dense n x n Hessian, computed without overflow.
     *
     * @param method the method that checks, as the message names it (e.g. {@code "gradient"})
     * @param n the dimension
     * @return n * n
     * @throws ResultTooLargeException if no Java array can hold n * n doubles
     */
    public static int hessianLength(String method, int n) {
        return DenseSize.hessian(method, n);
    }
}
