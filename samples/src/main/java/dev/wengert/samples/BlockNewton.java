package dev.wengert.samples;

import dev.wengert.ad.Objective;
import dev.wengert.ad.optim.QuadraticOnSphere;
import dev.wengert.ad.optim.SequentialSubspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The method of a PyTorch notebook on the Thomson problem: sweep over the points and move each one, the
 * others fixed, to the minimiser on the sphere of the second-order Taylor model of the energy in that
 * point (Hager's problem, {@link QuadraticOnSphere#minimizeTaylorModel}).
 *
 * <p>The model is only local, and its minimiser on the whole sphere can be far away and worse. The
 * safeguard: try the model's minimiser, then points on the chord towards it, halving, and move only
 * to a point that lowers the energy; so the energy never rises (beyond its rounding error, 1e-13
 * relative: near the minimum a move that keeps E equal to rounding and shrinks the point's tangent
 * gradient is accepted too, or the method would stall at |grad| ~ 1e-7). One iteration is one sweep over all
 * points; its gradient norm is the Riemannian gradient norm of the full energy after the sweep.
 *
 * <p>The model's minimiser comes from the dense solver (the point's 3 x 3 Hessian, an eigendecomposition) or,
 * with {@link Subproblem#SUBSPACE}, from Hager's sequential subspace method, which needs only products H v
 * (Hessian-vector products of the point's energy): the solver for blocks too large for their Hessian. Both
 * solve the same problem, so the sweeps agree to the solvers' accuracy.
 */
final class BlockNewton {

    /** Relative size of an energy change that is rounding, not progress. */
    private static final double NOISE = 1e-13;

    /** How the point's model is minimised on the sphere. */
    enum Subproblem {
        /** {@link QuadraticOnSphere#minimizeTaylorModel} on the dense 3 x 3 Hessian. */
        DENSE("dense"),
        /** {@link SequentialSubspace#minimize} with Hessian-vector products only. */
        SUBSPACE("subspace");

        final String label;

        Subproblem(String label) {
            this.label = label;
        }

        static Subproblem parse(String text) {
            return ThomsonCommand.byLabel(values(), v -> v.label, text, "subproblem");
        }
    }

    /** Relative accuracy asked of the subspace solver; the safeguard's energy test resolves no more. */
    private static final double SUBSPACE_TOLERANCE = 1e-12;
    private static final int SUBSPACE_ITERATIONS = 200;

    /** One sweep's numbers; the listener sees them as they happen. */
    record Sweep(int index, double energy, double gradientNorm) {}

    /** The energy of point k as a function of its position p, the other points held at {@code others}. */
    @FunctionalInterface
    interface PointModel {
        Objective at(double[] others, int k, double[] p);
    }

    private final Objective energy;
    private final PointModel pointModel;
    private final int maxSweeps;
    private final double tolerance;
    private final Subproblem subproblem;

    BlockNewton(Objective energy, PointModel pointModel, int maxSweeps, double tolerance, Subproblem subproblem) {
        this.energy = energy;
        this.pointModel = pointModel;
        this.maxSweeps = maxSweeps;
        this.tolerance = tolerance;
        this.subproblem = subproblem;
    }

    Trace run(double[] x0, Consumer<Sweep> listener) {
        long start = System.nanoTime();
        int n = x0.length / 3;
        double[] x = x0.clone();
        double[] g = new double[x.length];
        List<double[]> rows = new ArrayList<>();
        double e = energy.gradient(x, g);
        double gNorm = ThomsonProblem.riemannianGradientNorm(x, g);
        rows.add(new double[] {e, gNorm});
        long gradients = 1;
        String stop = "MAX_ITERATIONS";
        for (int sweep = 1; sweep <= maxSweeps && gNorm > tolerance; sweep++) {
            boolean moved = false;
            for (int k = 0; k < n; k++) {
                moved |= movePoint(x, k);
            }
            e = energy.gradient(x, g);
            gradients++;
            gNorm = ThomsonProblem.riemannianGradientNorm(x, g);
            rows.add(new double[] {e, gNorm});
            listener.accept(new Sweep(sweep, e, gNorm));
            if (!moved) {
                stop = "NO_PROGRESS";
                break;
            }
        }
        if (gNorm <= tolerance) {
            stop = "GRADIENT_TOLERANCE";
        }
        double[] values = new double[rows.size()];
        double[] norms = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            values[i] = rows.get(i)[0];
            norms[i] = rows.get(i)[1];
        }
        return new Trace("block-newton", values, norms, x, gradients, 0, (System.nanoTime() - start) * 1e-9, stop);
    }

    private static double tangentNorm(double[] p, double[] g) {
        double pg = p[0] * g[0] + p[1] * g[1] + p[2] * g[2];
        double s = 0.0;
        for (int c = 0; c < 3; c++) {
            double r = g[c] - pg * p[c];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /**
     * The minimiser on the unit sphere of the model f + g^T (z - p) + 1/2 (z - p)^T H (z - p), which is
     * Hager's problem z^T H z - 2 b^T z with b = H p - g.
     */
    private double[] modelMinimizer(Objective model, double[] p, double[] g) {
        if (subproblem == Subproblem.DENSE) {
            double[] h = new double[9];
            model.hessian(p, h);
            return QuadraticOnSphere.minimizeTaylorModel(h, g, p, 1.0).z();
        }
        double[] b = new double[3];
        model.hessianVector(p, p, b);
        for (int c = 0; c < 3; c++) {
            b[c] -= g[c];
        }
        return SequentialSubspace.minimize((v, out) -> model.hessianVector(p, v, out), b, 1.0,
                SUBSPACE_TOLERANCE, SUBSPACE_ITERATIONS).z();
    }

    /** Moves point k to a lower-energy point suggested by its model; returns whether it moved. */
    private boolean movePoint(double[] x, int k) {
        double[] p = {x[3 * k], x[3 * k + 1], x[3 * k + 2]};
        double[] others = x.clone();
        Objective model = pointModel.at(others, k, p);
        double[] g = new double[3];
        double before = model.gradient(p, g);
        double[] target = modelMinimizer(model, p, g);
        double[] candidate = new double[3];
        for (double t = 1.0; t > 1e-6; t *= 0.5) {
            double len = 0.0;
            for (int c = 0; c < 3; c++) {
                candidate[c] = p[c] + t * (target[c] - p[c]);
                len += candidate[c] * candidate[c];
            }
            len = Math.sqrt(len);
            if (len < 1e-8) {
                continue;   // the chord passes through the centre: no point on the sphere there
            }
            for (int c = 0; c < 3; c++) {
                candidate[c] /= len;
            }
            double[] gc = new double[3];
            double after = model.gradient(candidate, gc);
            boolean lower = after < before;
            // Close to a minimum the energy change is below the rounding of E: accept then if the
            // energy stays within that rounding and the point's tangent gradient shrinks.
            boolean sameWithinRounding = Math.abs(after - before) <= NOISE * Math.abs(before)
                    && tangentNorm(candidate, gc) < tangentNorm(p, g);
            if (lower || sameWithinRounding) {
                System.arraycopy(candidate, 0, x, 3 * k, 3);
                return true;
            }
        }
        return false;
    }
}
