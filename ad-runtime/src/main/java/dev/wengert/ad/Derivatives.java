package dev.wengert.ad;

/**
 * One-call entry points: record {@code f} at x and return the derivative asked for.
 *
 * <pre>{@code
 * ScalarFunction f = x -> x[0].square().times(3).plus(x[0].times(x[1]));
 * double[] g  = Derivatives.gradient(f, 1.0, 2.0);                       // [8, 1]
 * double[] hv = Derivatives.hessianVector(f, new double[] {1, 2}, new double[] {1, 0}); // [6, 1]
 * double[] h  = Derivatives.hessian(f, 1.0, 2.0);                         // [6, 1, 1, 0]
 * }</pre>
 *
 * <p>Each call records afresh. To evaluate one function at many points, record it once with
 * {@link #record} (or {@link Tape#record}) and reuse the result: that is the fast path.
 */
public final class Derivatives {
    private Derivatives() {
    }

    /**
     * Records {@code f} at {@code x0} for repeated evaluation; re-records itself when a guard flips.
     *
     * @param f the function
     * @param x0 the point to record at (its length is n)
     * @return a function that evaluates its derivatives from the recording
     */
    public static RecordedFunction record(ScalarFunction f, double... x0) {
        Tape.requireFunctionAndPoint("Derivatives.record", f, x0);
        return new RecordedFunction(f, x0.clone());
    }

    /**
     * f(x).
     *
     * @param f the function
     * @param x the point
     * @return f(x)
     */
    public static double value(ScalarFunction f, double... x) {
        Tape.requireFunctionAndPoint("Derivatives.value", f, x);
        return Tape.record(f, x).value(x);
    }

    /**
     * The gradient of f at x.
     *
     * @param f the function
     * @param x the point
     * @return a new array of length n
     */
    public static double[] gradient(ScalarFunction f, double... x) {
        Tape.requireFunctionAndPoint("Derivatives.gradient", f, x);
        double[] g = new double[x.length];
        Tape.gradient(f, x, g, null);
        return g;
    }

    /**
     * The gradient of f at x into {@code g}, and f(x): as {@link #gradient(ScalarFunction, double...)}
     * without a new array. The recording is swept where it was made and then dropped, so this costs
     * less than {@code Tape.record(f, x).gradient(x, g)}, which builds a {@link Recording} and replays it.
     *
     * @param f the function
     * @param x the point
     * @param g output: the gradient, length n, overwritten
     * @return f(x)
     */
    public static double gradient(ScalarFunction f, double[] x, double[] g) {
        Tape.requireFunctionAndPoint("Derivatives.gradient", f, x);
        ObjectiveChecks.requireLength("Derivatives.gradient", "g", g, x.length);
        return Tape.gradient(f, x, g, null);
    }

    /**
     * H(x) v by forward-over-reverse.
     *
     * @param f the function
     * @param x the point
     * @param v the direction, length n
     * @return a new array of length n
     */
    public static double[] hessianVector(ScalarFunction f, double[] x, double[] v) {
        Tape.requireFunctionAndPoint("Derivatives.hessianVector", f, x);
        double[] hv = new double[x.length];
        Tape.record(f, x).hessianVector(x, v, hv);
        return hv;
    }

    /**
     * The dense Hessian at x, row-major n x n.
     *
     * @param f the function
     * @param x the point
     * @return a new array of length n * n
     */
    public static double[] hessian(ScalarFunction f, double... x) {
        Tape.requireFunctionAndPoint("Derivatives.hessian", f, x);
        // The size is checked before recording: at n = 65,536 the answer needs 34 GB.
        double[] h = DenseSize.allocate("Derivatives.hessian", "dense Hessian",
                DenseSize.hessian("Derivatives.hessian", x.length));
        Tape.record(f, x).hessian(x, h);
        return h;
    }

    /**
     * The Jacobian of F at x, row-major m x n.
     *
     * @param f the vector function
     * @param x the point
     * @return a new array of length m * n
     */
    public static double[] jacobian(VectorFunction f, double... x) {
        Tape.requireFunctionAndPoint("Derivatives.jacobian", f, x);
        Recording r = Tape.recordVector(f, x);
        double[] jac = DenseSize.allocate("Derivatives.jacobian", "dense Jacobian",
                DenseSize.jacobian("Derivatives.jacobian", r.outputCount(), x.length));
        r.jacobian(x, jac);
        return jac;
    }
}
