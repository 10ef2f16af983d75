package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
import java.util.Arrays;

/**
 * L-BFGS-B (Byrd, Lu, Nocedal and Zhu, "A limited memory algorithm for bound constrained
 * optimization", SIAM J. Sci. Comput. 16(5), 1995): minimises over simple bounds ({@link Box}) with
 * gradients only. Each iteration finds the generalised Cauchy point, the first local minimiser of the
 * L-BFGS model (compact form, {@link CompactLbfgs}) along the projected steepest-descent path; then
 * minimises the model over the coordinates still free there (the direct primal method, cut back into
 * the box), and searches along the resulting feasible direction with a backtracking Armijo search.
 * Convergence is measured by the projected gradient, as for {@link ProjectedNewtonCg}.
 *
 * <pre>{@code
 * OptimizationHistory h = new LbfgsB(Box.of(lower, upper)).withMemory(5).minimize(f, x0);
 * }</pre>
 */
public final class LbfgsB extends ConfiguredOptimizer<LbfgsB> {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    private final Box bounds;
    private final int memory;

    /**
     * Bounded by {@code bounds}; memory 10, projected |g| &lt;= 1e-8 or 1000 iterations.
     *
     * @param bounds the box, of the dimension of the starting points to come
     */
    public LbfgsB(Box bounds) {
        this(Settings.defaults(), bounds, 10);
    }

    private LbfgsB(Settings settings, Box bounds, int memory) {
        super(settings);
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null; use Lbfgs for an unbounded problem");
        }
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS-B memory must be at least 1, got " + memory);
        }
        this.bounds = bounds;
        this.memory = memory;
    }

    /**
     * A copy of this optimiser keeping the last {@code m} correction pairs.
     *
     * @param m the number of pairs, at least 1
     * @return the new optimiser
     */
    public LbfgsB withMemory(int m) {
        return new LbfgsB(settings(), bounds, m);
    }

    @Override
    LbfgsB withSettings(Settings settings) {
        return new LbfgsB(settings, bounds, memory);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, bounds, x0);
        int n = problem.dimension();
        CompactLbfgs model = new CompactLbfgs(memory);
        Problem.Point p = problem.start(x0);
        StopReason reason = problem.recordStart(p);
        boolean first = true;
        while (reason == null) {
            double[] g = p.euclideanGradient();
            double[] cauchy = cauchyPoint(p.x(), g, model);
            double[] target = subspaceMinimum(p.x(), g, cauchy, model);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = target[i] - p.x()[i];
            }
            double slope = Vectors.dot(g, d);
            if (!(slope < 0.0)) {
                if (model.width() == 0) {
                    reason = StopReason.NO_PROGRESS;
                    break;
                }
                model = new CompactLbfgs(memory);   // the model went bad: restart from steepest descent
                continue;
            }
            double step = first ? Math.min(1.0, 1.0 / Vectors.norm(d)) : 1.0;
            first = false;
            Problem.Point next = null;
            for (int k = 0; k < MAX_BACKTRACKS; k++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = p.x()[i] + step * d[i];
                }
                Problem.Point trial = problem.evaluate(x);
                // Armijo's decrease, up to f's noise: near the minimum the decrease the slope promises is
                // below f's rounding, and an exact test would reject every step there.
                if (trial.value() <= p.value() + ARMIJO * step * slope + problem.noise(p)) {
                    next = trial;
                    break;
                }
                // Minimiser of the quadratic through f(0), f'(0) and f(step), kept in [0.1, 0.5] step.
                double q = -slope * step * step / (2.0 * (trial.value() - p.value() - slope * step));
                step = Double.isFinite(q) ? Math.min(Math.max(q, 0.1 * step), 0.5 * step) : 0.5 * step;
            }
            if (next == null || Arrays.equals(next.x(), p.x())) {
                reason = StopReason.NO_PROGRESS;
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next.x()[i] - p.x()[i];
                y[i] = next.euclideanGradient()[i] - g[i];
            }
            model.add(s, y);
            reason = problem.record(p, next);
            p = next;
        }
        return problem.finish(reason);
    }

    /** The generalised Cauchy point: the first local minimiser of the model along P(x - t g) (Algorithm CP). */
    private double[] cauchyPoint(double[] x, double[] g, CompactLbfgs model) {
        int n = x.length;
        double theta = model.theta();
        double[] breakpoint = new double[n];
        double[] d = new double[n];
        Integer[] order = new Integer[n];
        int free = 0;
        for (int i = 0; i < n; i++) {
            double t = g[i] < 0.0 ? (x[i] - bounds.upper(i)) / g[i]
                    : g[i] > 0.0 ? (x[i] - bounds.lower(i)) / g[i] : Double.POSITIVE_INFINITY;
            breakpoint[i] = t;
            d[i] = t > 0.0 ? -g[i] : 0.0;
            if (t > 0.0) {
                order[free++] = i;
            }
        }
        Arrays.sort(order, 0, free, (a, b) -> Double.compare(breakpoint[a], breakpoint[b]));
        double[] xc = x.clone();
        double[] p = model.transposeTimes(d, null);
        double[] c = new double[p.length];
        double slope = -Vectors.dot(d, d);
        double curvature = -theta * slope - Vectors.dot(p, model.middleTimes(p));
        double tOld = 0.0;
        int next = 0;
        while (next < free) {
            int b = order[next];
            double dt = breakpoint[b] - tOld;
            double dtMin = curvature > 0.0 ? -slope / curvature : Double.POSITIVE_INFINITY;
            if (dtMin < dt) {
                break;
            }
            // Coordinate b reaches its bound: move past the breakpoint and update f' and f''.
            if (breakpoint[b] == Double.POSITIVE_INFINITY) {
                break;
            }
            xc[b] = d[b] > 0.0 ? bounds.upper(b) : bounds.lower(b);
            double zb = xc[b] - x[b];
            Vectors.axpy(dt, p, c);
            double[] wb = model.row(b);
            double[] mc = model.middleTimes(c);
            double[] mp = model.middleTimes(p);
            double[] mw = model.middleTimes(wb);
            double gb = g[b];
            slope += dt * curvature + gb * gb + theta * gb * zb - gb * Vectors.dot(wb, mc);
            curvature += -theta * gb * gb - 2.0 * gb * Vectors.dot(wb, mp) - gb * gb * Vectors.dot(wb, mw);
            Vectors.axpy(gb, wb, p);
            d[b] = 0.0;
            tOld = breakpoint[b];
            next++;
        }
        double dtMin = curvature > 0.0 ? Math.max(-slope / curvature, 0.0) : 0.0;
        double t = tOld + dtMin;
        for (int k = next; k < free; k++) {
            int i = order[k];
            xc[i] = x[i] + t * d[i];
        }
        bounds.clip(xc, xc);
        return xc;
    }

    /**
     * Minimises the model over the coordinates free at the Cauchy point (Byrd et al., section 5.1, by
     * Sherman-Morrison-Woodbury on the compact form) and cuts the step back into the box.
     */
    private double[] subspaceMinimum(double[] x, double[] g, double[] xc, CompactLbfgs model) {
        int n = x.length;
        boolean[] free = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            free[i] = xc[i] > bounds.lower(i) && xc[i] < bounds.upper(i);
            count += free[i] ? 1 : 0;
        }
        if (count == 0) {
            return xc;
        }
        double theta = model.theta();
        double[] dx = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = xc[i] - x[i];
        }
        // Reduced gradient of the model at xc: g + B (xc - x) on the free coordinates.
        double[] mw = model.middleTimes(model.transposeTimes(dx, null));
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                r[i] = g[i] + theta * dx[i] - Vectors.dot(model.row(i), mw);
            }
        }
        double[] du = r.clone();
        Vectors.scale(-1.0 / theta, du);
        int w = model.width();
        if (w > 0) {
            double[] v = model.middleTimes(model.transposeTimes(r, free));
            double[][] gram = model.gram(free);
            double[][] system = new double[w][w];
            double[][] m = model.middle();
            for (int a = 0; a < w; a++) {
                for (int b = 0; b < w; b++) {
                    double s = 0.0;
                    for (int k = 0; k < w; k++) {
                        s += m[a][k] * gram[k][b];
                    }
                    system[a][b] = (a == b ? 1.0 : 0.0) - s / theta;
                }
            }
            double[] solved = DenseSolve.solve(system, v);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    du[i] -= Vectors.dot(model.row(i), solved) / (theta * theta);
                }
            }
        }
        // The largest alpha <= 1 with xc + alpha du inside the box.
        double alpha = 1.0;
        for (int i = 0; i < n; i++) {
            if (free[i] && du[i] > 0.0) {
                alpha = Math.min(alpha, (bounds.upper(i) - xc[i]) / du[i]);
            } else if (free[i] && du[i] < 0.0) {
                alpha = Math.min(alpha, (bounds.lower(i) - xc[i]) / du[i]);
            }
        }
        double[] out = xc.clone();
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                out[i] += alpha * du[i];
            }
        }
        bounds.clip(out, out);
        return out;
    }
}
