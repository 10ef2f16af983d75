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
     * Writes the gradient into {@code g} and H(x) v into {@code hv}, and returns f(x). Tape-backed
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
}
