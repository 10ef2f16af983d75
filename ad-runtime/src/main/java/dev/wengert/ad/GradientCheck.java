package dev.wengert.ad;

/**
 * Checks an {@link Objective}'s derivatives against central finite differences and reports the
 * worst entry. The tests use it; so can users checking a hand-written or generated objective.
 *
 * <pre>{@code
 * GradientCheck.Report r = GradientCheck.gradient(objective, x);
 * if (!r.passes(1e-6, 1e-8)) throw new AssertionError(r.toString());
 * }</pre>
 *
 * <p>Steps are scaled to the point: {@code h_i = cbrt(eps) max(1, |x_i|)}, which balances the
 * O(h^2) truncation error of central differences against rounding. Expect agreement to about
 * 1e-8 relative on smooth functions, not to machine precision.
 */
public final class GradientCheck {
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private GradientCheck() {
    }

    /**
     * The outcome of a comparison: every entry is kept for {@link #passes}, and the entry with the
     * largest absolute error is summarised (its index, the derivative computed by the objective,
     * the finite-difference estimate, the absolute and the relative error
     * {@code |computed - fd| / max(|computed|, |fd|, floor)}, 0 when all three are 0).
     *
     * <p>The floor is {@code cbrt(eps)} times the problem's scale: the largest entry, or the size
     * the entries would have from f (for a gradient {@code |f(x)| / max(1, |x|)}), whichever is
     * larger. Finite differences cannot resolve an entry below it, so an exact 0 against a
     * finite-difference 1e-10 of a function of order 1 is a relative error of about 1e-5, not 1.
     *
     * <p>A check of no entries (n = 0) passes; its worst index is -1 and its errors are 0.
     */
    public static final class Report {
        private final String quantity;
        private final double[] computed;
        private final double[] finiteDifference;
        private final double floor;
        private final int worst;

        Report(String quantity, double[] computed, double[] finiteDifference, double problemScale) {
            this.quantity = quantity;
            this.computed = computed;
            this.finiteDifference = finiteDifference;
            double largest = problemScale;
            for (int i = 0; i < computed.length; i++) {
                largest = Math.max(largest, Math.max(Math.abs(computed[i]), Math.abs(finiteDifference[i])));
            }
            this.floor = Double.isFinite(largest) ? STEP * largest : 0;
            int w = computed.length == 0 ? -1 : 0;
            for (int i = 0; i < computed.length; i++) {
                double e = absoluteError(i);
                if (Double.isNaN(e)) {
                    w = i;
                    break;
                }
                if (e > absoluteError(w)) w = i;
            }
            this.worst = w;
        }

        /**
         * What was checked: "gradient", "hessianVector" or "hessian".
         *
         * @return the quantity name
         */
        public String quantity() { return quantity; }

        /**
         * Index of the entry with the largest absolute error (the first NaN if there is one).
         *
         * @return the index into the checked array, or -1 if there are no entries
         */
        public int worstIndex() { return worst; }

        /**
         * The objective's value of the worst entry.
         *
         * @return the computed entry (NaN if there are no entries)
         */
        public double computed() { return worst < 0 ? Double.NaN : computed[worst]; }

        /**
         * The finite-difference estimate of the worst entry.
         *
         * @return the central-difference entry (NaN if there are no entries)
         */
        public double finiteDifference() { return worst < 0 ? Double.NaN : finiteDifference[worst]; }

        /**
         * Absolute error of the worst entry.
         *
         * @return |computed - finite difference| at the worst entry (0 if there are no entries)
         */
        public double absoluteError() { return worst < 0 ? 0 : absoluteError(worst); }

        /**
         * Relative error of the worst entry.
         *
         * @return the absolute error divided by max(|finite difference|, {@link #floor()}) (0 if there are
         *         no entries)
         */
        public double relativeError() { return worst < 0 ? 0 : relativeError(worst); }

        /**
         * The denominator floor of the relative errors (see the class comment).
         *
         * @return the floor
         */
        public double floor() { return floor; }

        /**
         * Whether every entry is within {@code atol} absolutely or within {@code rtol} relatively.
         *
         * @param rtol relative tolerance
         * @param atol absolute tolerance
         * @return true when every entry passes
         */
        public boolean passes(double rtol, double atol) {
            for (int i = 0; i < computed.length; i++) {
                if (!(absoluteError(i) <= atol || relativeError(i) <= rtol)) return false;
            }
            return true;
        }

        private double absoluteError(int i) {
            return Math.abs(computed[i] - finiteDifference[i]);
        }

        private double relativeError(int i) {
            double scale = Math.max(floor, Math.max(Math.abs(computed[i]), Math.abs(finiteDifference[i])));
            return scale == 0 ? 0 : absoluteError(i) / scale;
        }

        @Override
        public String toString() {
            if (worst < 0) return quantity + ": no entries to compare (n = 0)";
            return String.format("%s: worst entry %d: computed %.17g, finite difference %.17g, abs error %.3g, rel error %.3g",
                    quantity, worst, computed(), finiteDifference(), absoluteError(), relativeError());
        }
    }

    /**
     * Gradient vs central differences of the value.
     *
     * @param f the objective
     * @param x the point
     * @return the report, worst entry first
     */
    public static Report gradient(Objective f, double[] x) {
        double[] g = new double[x.length];
        double fx = f.gradient(x, g);
        double[] fd = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = step(x[i]);
            probe[i] = x[i] + h;
            double up = f.value(probe);
            probe[i] = x[i] - h;
            double down = f.value(probe);
            probe[i] = x[i];
            fd[i] = (up - down) / (2 * h);
        }
        return new Report("gradient", g, fd, Math.abs(fx) / Math.max(1, maxAbs(x)));
    }

    /**
     * Hessian-vector product vs central differences of the gradient along v.
     *
     * @param f the objective
     * @param x the point
     * @param v the direction
     * @return the report, worst entry first
     */
    public static Report hessianVector(Objective f, double[] x, double[] v) {
        if (v.length != x.length) throw new DimensionMismatchException("hessianVector check: v", v.length, x.length);
        double[] hv = new double[x.length];
        f.hessianVector(x, v, hv);
        double vmax = 0;
        for (double vi : v) vmax = Math.max(vmax, Math.abs(vi));
        double xmax = 1;
        for (double xi : x) xmax = Math.max(xmax, Math.abs(xi));
        double h = vmax == 0 ? STEP : STEP * xmax / vmax;
        double[] g = new double[x.length];
        f.gradient(x, g);
        double[] fd = directionalGradientDifference(f, x, v, h);
        return new Report("hessianVector", hv, fd, maxAbs(g) * vmax / Math.max(1, maxAbs(x)));
    }

    /**
     * Dense Hessian vs central differences of the gradient, column by column.
     *
     * @param f the objective
     * @param x the point
     * @return the report, worst entry first
     */
    public static Report hessian(Objective f, double[] x) {
        int n = x.length;
        double[] hess = new double[n * n];
        f.hessian(x, hess);
        double[] g = new double[n];
        f.gradient(x, g);
        double[] fd = new double[n * n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] column = directionalGradientDifference(f, x, e, step(x[j]));
            e[j] = 0;
            for (int i = 0; i < n; i++) fd[i * n + j] = column[i];
        }
        return new Report("hessian", hess, fd, maxAbs(g) / Math.max(1, maxAbs(x)));
    }

    private static double[] directionalGradientDifference(Objective f, double[] x, double[] v, double h) {
        int n = x.length;
        double[] up = new double[n];
        double[] down = new double[n];
        double[] probe = new double[n];
        for (int i = 0; i < n; i++) probe[i] = x[i] + h * v[i];
        f.gradient(probe, up);
        for (int i = 0; i < n; i++) probe[i] = x[i] - h * v[i];
        f.gradient(probe, down);
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) fd[i] = (up[i] - down[i]) / (2 * h);
        return fd;
    }

    private static double step(double xi) {
        return STEP * Math.max(1, Math.abs(xi));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double e : a) m = Math.max(m, Math.abs(e));
        return m;
    }
}
