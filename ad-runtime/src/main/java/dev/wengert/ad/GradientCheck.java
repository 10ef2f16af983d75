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
     * {@code |computed - fd| / max(|computed|, |fd|)}, 0 when both are 0).
     */
    public static final class Report {
        private final String quantity;
        private final double[] computed;
        private final double[] finiteDifference;
        private final int worst;

        Report(String quantity, double[] computed, double[] finiteDifference) {
            this.quantity = quantity;
            this.computed = computed;
            this.finiteDifference = finiteDifference;
            int w = 0;
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
         * @return the index into the checked array
         */
        public int worstIndex() { return worst; }

        /**
         * The objective's value of the worst entry.
         *
         * @return the computed entry
         */
        public double computed() { return computed[worst]; }

        /**
         * The finite-difference estimate of the worst entry.
         *
         * @return the central-difference entry
         */
        public double finiteDifference() { return finiteDifference[worst]; }

        /**
         * Absolute error of the worst entry.
         *
         * @return |computed - finite difference| at the worst entry
         */
        public double absoluteError() { return absoluteError(worst); }

        /**
         * Relative error of the worst entry.
         *
         * @return the absolute error divided by max(|finite difference|, 1e-300)
         */
        public double relativeError() { return relativeError(worst); }

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
            double scale = Math.max(Math.abs(computed[i]), Math.abs(finiteDifference[i]));
            return scale == 0 ? 0 : absoluteError(i) / scale;
        }

        @Override
        public String toString() {
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
        f.gradient(x, g);
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
        return worst("gradient", g, fd);
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
        double[] fd = directionalGradientDifference(f, x, v, h);
        return worst("hessianVector", hv, fd);
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
        double[] fd = new double[n * n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] column = directionalGradientDifference(f, x, e, step(x[j]));
            e[j] = 0;
            for (int i = 0; i < n; i++) fd[i * n + j] = column[i];
        }
        return worst("hessian", hess, fd);
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

    private static Report worst(String quantity, double[] computed, double[] fd) {
        return new Report(quantity, computed, fd);
    }
}
