package dev.wengert.ad.optim;

import java.util.Arrays;

/**
 * Simple bounds l &lt;= x &lt;= u, per coordinate; an infinite bound is no bound. For
 * {@link ProjectedNewtonCg}, which keeps every iterate inside and measures convergence by the
 * projected gradient: g with the components removed that point out of the box at a bound (g_i &gt; 0
 * where x_i = l_i, g_i &lt; 0 where x_i = u_i). At a minimiser that projected gradient is 0.
 *
 * <pre>{@code
 * Box box = Box.atLeast(obstacle);                               // x >= obstacle, no upper bound
 * OptimizationHistory h = new ProjectedNewtonCg(box).minimize(energy, x0);
 * }</pre>
 */
public final class Box {

    private final double[] lower;
    private final double[] upper;

    private Box(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The box l &lt;= x &lt;= u (the arrays are copied).
     *
     * @param lower l, entries finite or negative infinity
     * @param upper u, entries finite or positive infinity, u_i &gt;= l_i
     * @return the box
     * @throws IllegalArgumentException on different lengths, NaN, or l_i &gt; u_i
     */
    public static Box of(double[] lower, double[] upper) {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("lower and upper bounds must have the same non-zero length, got "
                    + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i]) || lower[i] == Double.POSITIVE_INFINITY
                    || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("bounds of x[" + i + "] are [" + lower[i] + ", " + upper[i]
                        + "]; need lower <= upper, neither NaN, lower < +infinity and upper > -infinity");
            }
        }
        return new Box(lower.clone(), upper.clone());
    }

    /**
     * The bounds x &gt;= l only.
     *
     * @param lower l, entries finite or negative infinity
     * @return the box
     */
    public static Box atLeast(double[] lower) {
        double[] upper = new double[lower.length];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return of(lower, upper);
    }

    /**
     * The number of coordinates.
     *
     * @return n
     */
    public int dimension() {
        return lower.length;
    }

    double lower(int i) {
        return lower[i];
    }

    double upper(int i) {
        return upper[i];
    }

    void checkDimension(int n) {
        if (n != lower.length) {
            throw new IllegalArgumentException("starting point has length " + n + " but the box has "
                    + lower.length + " coordinates; pass bounds for every coordinate");
        }
    }

    /** Writes the nearest point of the box to x into out (may be x). */
    void clip(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
    }

    /** True when coordinate i sits at a bound that g pushes against: it is held there. */
    boolean isHeld(double[] x, double[] g, int i) {
        return x[i] <= lower[i] && g[i] > 0.0 || x[i] >= upper[i] && g[i] < 0.0;
    }

    /** Writes the projected gradient at x into out: g without the held components. */
    void projectedGradient(double[] x, double[] g, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = isHeld(x, g, i) ? 0.0 : g[i];
        }
    }
}
