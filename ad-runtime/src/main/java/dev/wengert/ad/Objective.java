package dev.wengert.ad;

/**
 * A twice-differentiable scalar function of a vector, f: R^n -> R, as optimisers, checks and
 * benchmarks see it. Implemented by tape-backed functions ({@link Recording}, {@link RecordedFunction})
 * and by the classes the {@code @Differentiate} processor generates.
 *
 * <p>Output arrays are supplied by the caller and overwritten, so a loop of evaluations allocates
 * nothing:
 *
 * <pre>{@code
 * Objective f = Derivatives.record(x -> x[0].times(x[0]).plus(x[1].sin()), 1.0, 2.0);
 * double[] g = new double[2];
 * double fx = f.gradient(new double[] {0.5, 0.25}, g);   // g = [1.0, cos(0.25)]
 * }</pre>
 *
 * <p>Implementations say in their own documentation whether they may be shared between threads;
 * the tape-backed ones may.
 *
 * <h2>The error contract</h2>
 *
 * Every implementation in this project ({@link Recording}, {@link RecordedFunction}, generated
 * classes, the optimisers' {@code CountingObjective}) answers a wrong call the same way, checked in
 * this order: x, then the other arrays in parameter order, then the entries of x and of the
 * directions ({@link ObjectiveChecks} holds the checks and their messages).
 * <ul>
 *   <li>a null array: {@link NullPointerException} naming it, {@code "gradient: x is null"};</li>
 *   <li>an array of the wrong length: {@link DimensionMismatchException} naming it and both
 *       lengths, {@code "gradient: g has length 3 but 2 is required"}. A recording's dimension is
 *       its number of inputs. A generated class takes its dimension from x: any x that covers the
 *       entries the function reads is accepted (entries it ignores get zero derivatives) and the
 *       other arrays must match x; but when they match the entries the function reads and x is
 *       longer, x is blamed, not g;</li>
 *   <li>a dense Hessian of more entries than a Java array holds (n above 46,340):
 *       {@link ResultTooLargeException};</li>
 *   <li>a NaN or infinity in x or in a direction v: {@link NonFiniteException} naming the array
 *       and the entry, {@code "hessianVector: v[1] is NaN; every entry of v must be finite"};</li>
 *   <li>a non-finite result (f(x), or an entry of g, hv or h) at a finite x:
 *       {@link NonFiniteException} naming the method and the entry (the tape also names the
 *       operation that produced it). No method returns NaN silently.</li>
 * </ul>
 * Outputs may be partly written when an exception is thrown. Every implementation runs one contract
 * test ({@code ObjectiveContract} in ad-runtime's test jar).
 */
public interface Objective {

    /**
     * Returns f(x).
     *
     * @param x the point, length n
     * @return f(x)
     */
    double value(double[] x);

    /**
     * Writes the gradient of f at x into {@code g} (length n) and returns f(x).
     *
     * @param x the point, length n
     * @param g output: the gradient, overwritten
     * @return f(x)
     */
    double gradient(double[] x, double[] g);

    /**
     * Writes the Hessian-vector product H(x) v into {@code hv} (length n) without forming H.
     *
     * @param x the point, length n
     * @param v the direction, length n
     * @param hv output: H(x) v, overwritten
     */
    void hessianVector(double[] x, double[] v, double[] hv);

    /**
     * Writes the gradient into {@code g} and H(x) v into {@code hv}, and returns f(x); none of the
     * arrays may be null. Tape-backed
     * and generated implementations do this in one forward-over-reverse pass; the default calls
     * {@link #gradient} and {@link #hessianVector}.
     *
     * @param x the point, length n
     * @param v the direction, length n
     * @param g output: the gradient, overwritten
     * @param hv output: H(x) v, overwritten
     * @return f(x)
     */
    default double gradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
        double fx = gradient(x, g);
        hessianVector(x, v, hv);
        return fx;
    }

    /**
     * Writes the dense Hessian of f at x into {@code h}, row-major n x n ({@code h[i * n + j]}).
     *
     * @param x the point, length n
     * @param h output: the Hessian, length n * n, overwritten
     */
    void hessian(double[] x, double[] h);

    /**
     * The sparsity pattern of the Hessian (both triangles), the order of {@link #sparseHessian}'s values.
     * Tape-backed and generated implementations know it; the default throws
     * {@link UnsupportedOperationException}, since an arbitrary implementation cannot tell.
     *
     * @return the pattern
     */
    default SparsityPattern hessianPattern() {
        throw new UnsupportedOperationException(getClass().getName() + " does not know its Hessian's sparsity "
                + "pattern; implement hessianPattern() (and sparseHessian) or use hessian(x, h)");
    }

    /**
     * The sparsity pattern of the Hessian (both triangles) for inputs of length n: the order of
     * {@link #sparseHessian}'s values for an x of that length. A generated class whose dimension
     * follows x can answer only this form; a recording answers for its own dimension. The default
     * returns {@link #hessianPattern()} if its dimension is n.
     *
     * <pre>{@code
     * SparsityPattern pattern = objective.hessianPattern(x.length);
     * double[] values = new double[pattern.nonZeros()];
     * objective.sparseHessian(x, values);
     * }</pre>
     *
     * @param n the length of x
     * @return the pattern, n x n
     * @throws DimensionMismatchException if this objective does not take inputs of length n
     */
    default SparsityPattern hessianPattern(int n) {
        SparsityPattern pattern = hessianPattern();
        if (pattern.rows() != n) {
            throw new DimensionMismatchException("hessianPattern: x of length " + n + " is asked for, but "
                    + pattern.rows() + " is this objective's dimension; pass n = " + pattern.rows());
        }
        return pattern;
    }

    /**
     * Writes the Hessian's non-zeros at x into {@code values}, in the order of {@link #hessianPattern()}.
     * Tape-backed and generated implementations compute only the non-zeros; the default computes the
     * dense Hessian and packs it (slow, and n x n memory: override it).
     *
     * @param x the point
     * @param values receives the non-zeros, in the pattern's order
     */
    default void sparseHessian(double[] x, double[] values) {
        SparsityPattern pattern = hessianPattern();
        int n = pattern.rows();
        ObjectiveChecks.requireLength("sparseHessian", "x", x, n);
        ObjectiveChecks.requireLength("sparseHessian", "values", values, pattern.nonZeros());
        double[] dense = new double[ObjectiveChecks.hessianLength("sparseHessian", n)];
        hessian(x, dense);
        for (int r = 0; r < n; r++) {
            for (int k = pattern.rowStart(r); k < pattern.rowStart(r + 1); k++) {
                values[k] = dense[r * n + pattern.column(k)];
            }
        }
    }
}
