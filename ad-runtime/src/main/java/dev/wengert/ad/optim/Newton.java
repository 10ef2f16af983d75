package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Newton's method with the exact dense Hessian: solve H d = -g by Cholesky and take a strong-Wolfe
 * line search step along d, trying the full step first (so on a quadratic one iteration lands on the
 * minimiser). Where H is not positive definite, H + tau I is factored instead, with tau grown from a
 * small multiple of the diagonal until the factorisation succeeds (Nocedal and Wright, Algorithm 3.3):
 * the direction is then still a descent direction.
 *
 * <p>Costs one dense Hessian and an O(n^3) factorisation per iteration: the method for small n.
 * On a manifold it factors the Riemannian Hessian on the tangent space (the normal directions are
 * given an identity block so that the matrix is invertible); {@link NewtonCg} is usually the better
 * choice there and for large n.
 *
 * <p>With {@link #withSparseCholesky} it asks the objective for its sparse Hessian instead
 * ({@code hessianPattern(n)} once, {@code sparseHessian} per iteration) and factors it with the solver
 * given, shifting it the same way where it is not positive definite: for large sparse problems whose
 * factor stays sparse (banded grids, chains), in R^n only.
 *
 * <pre>{@code
 * OptimizationHistory h = new Newton().minimize(quadratic, new double[] {2.5, -2.0});
 * }</pre>
 */
public final class Newton extends ConfiguredOptimizer<Newton> {

    private final StrongWolfeLineSearch lineSearch;
    private final SparseCholeskySolver sparseSolver;   // null: the dense Hessian and Cholesky

    /** Stops at |g| &lt;= 1e-8 or 1000 iterations, in R^n. */
    public Newton() {
        this(Settings.defaults(), StrongWolfeLineSearch.forQuasiNewton(), null);
    }

    private Newton(Settings settings, StrongWolfeLineSearch lineSearch, SparseCholeskySolver sparseSolver) {
        super(settings);
        this.lineSearch = lineSearch;
        this.sparseSolver = sparseSolver;
    }

    /**
     * A copy of this optimiser with another line search.
     *
     * @param search the line search
     * @return the new optimiser
     */
    public Newton withLineSearch(StrongWolfeLineSearch search) {
        return new Newton(settings(), search, sparseSolver);
    }

    /**
     * A copy of this optimiser that solves for its steps with the objective's sparse Hessian and the given
     * sparse Cholesky factorisation, instead of the dense Hessian (which a large problem cannot hold).
     * The objective must know its pattern ({@code hessianPattern(n)}); in R^n only.
     *
     * @param solver the factorisation, used by one run at a time
     * @return the new optimiser
     */
    public Newton withSparseCholesky(SparseCholeskySolver solver) {
        if (solver == null) {
            throw new NullPointerException("solver is null");
        }
        return new Newton(settings(), lineSearch, solver);
    }

    @Override
    Newton withSettings(Settings settings) {
        return new Newton(settings, lineSearch, sparseSolver);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        if (sparseSolver != null && !settings().manifold().isEuclidean()) {
            throw new IllegalArgumentException("Newton with a sparse Cholesky works in R^n only; on a manifold use"
                    + " the dense Hessian (no withSparseCholesky) or NewtonCg");
        }
        Problem problem = settings().problem(f, x0);
        int n = problem.dimension();
        Problem.Point p = problem.start(x0);
        StopReason reason = problem.recordStart(p);
        SparseSystem sparse = sparseSolver == null ? null : new SparseSystem(problem, sparseSolver);
        double[] h = sparse == null ? new double[n * n] : null;
        while (reason == null) {
            double[] direction;
            if (sparse != null) {
                direction = sparse.solveShifted(p);
            } else {
                problem.hessian(p, h);
                double[] matrix = settings().manifold().isEuclidean() ? h : riemannianMatrix(problem, p, h);
                direction = solveShifted(matrix, n, p.gradient());
            }
            if (!settings().manifold().isEuclidean()) {
                settings().manifold().project(p.x(), direction, direction);
            }
            if (!(Vectors.dot(direction, p.gradient()) < 0.0)) {
                // Rounding can spoil descent when H is nearly singular; the gradient never fails.
                direction = p.gradient().clone();
                Vectors.scale(-1.0, direction);
            }
            StrongWolfeLineSearch.Result<Problem.Point> r =
                    lineSearch.withNoiseAtLeast(problem.observedRelativeNoise(p)).search(problem.line(p, direction), Problem.origin(p, direction), 1.0);
            if (!r.moved()) {
                reason = StopReason.NO_PROGRESS;
                break;
            }
            Problem.Point next = r.point().state();
            reason = problem.record(p, next);
            p = next;
        }
        return problem.finish(reason);
    }

    /** Returns d with (A + tau I) d = -g for the smallest tau &gt;= 0 tried that factors. */
    static double[] solveShifted(double[] a, int n, double[] g) {
        double minDiagonal = Double.POSITIVE_INFINITY;
        double maxDiagonal = 0.0;
        for (int i = 0; i < n; i++) {
            minDiagonal = Math.min(minDiagonal, a[i * n + i]);
            maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * n + i]));
        }
        ShiftSchedule shifts = new ShiftSchedule(minDiagonal, maxDiagonal);
        while (shifts.hasNext()) {
            Cholesky c = Cholesky.tryFactor(a, n, shifts.next());
            if (c != null) {
                double[] d = c.solve(g);
                Vectors.scale(-1.0, d);
                return d;
            }
        }
        throw shifts.exhausted();
    }

    /**
     * The shifts tau tried on a Hessian that does not factor (Nocedal and Wright, Algorithm 3.3): 0 if the
     * diagonal is positive, else enough to make it so; then doubled, at least 1e-3 of the largest diagonal
     * entry, up to 200 times.
     */
    static final class ShiftSchedule {
        private final double beta;
        private double tau;
        private int attempts;

        ShiftSchedule(double minDiagonal, double maxDiagonal) {
            beta = 1e-3 * Math.max(maxDiagonal, 1e-8);
            tau = minDiagonal > 0.0 ? 0.0 : beta - minDiagonal;
        }

        boolean hasNext() {
            return attempts < 200;
        }

        double next() {
            double shift = tau;
            tau = Math.max(2.0 * tau, beta);
            attempts++;
            return shift;
        }

        NonFiniteObjectiveException exhausted() {
            return new NonFiniteObjectiveException("Hessian could not be made positive definite by a shift up to "
                    + tau + "; it probably holds infinities");
        }
    }

    /** The sparse Hessian of one run and the caller's factorisation of it. */
    private static final class SparseSystem {
        private final SparseModel model;
        private final SparseCholeskySolver solver;
        private final double[] minusG;

        SparseSystem(Problem problem, SparseCholeskySolver solver) {
            this.model = SparseModel.of(problem, HessianMode.SPARSE);
            this.solver = solver;
            this.minusG = new double[problem.dimension()];
        }

        /** Returns d with (H + tau I) d = -g at p, for the smallest tau tried that factors. */
        double[] solveShifted(Problem.Point p) {
            model.evaluate(p);
            double minDiagonal = Double.POSITIVE_INFINITY;
            double maxDiagonal = 0.0;
            for (int i = 0; i < minusG.length; i++) {
                double a = model.diagonalEntry(i);
                minDiagonal = Math.min(minDiagonal, a);
                maxDiagonal = Math.max(maxDiagonal, Math.abs(a));
            }
            double[] g = p.gradient();
            for (int i = 0; i < g.length; i++) {
                minusG[i] = -g[i];
            }
            ShiftSchedule shifts = new ShiftSchedule(minDiagonal, maxDiagonal);
            while (shifts.hasNext()) {
                if (solver.factor(model.pattern(), model.values(), shifts.next())) {
                    double[] d = new double[g.length];
                    solver.solve(minusG, d);
                    return d;
                }
            }
            throw shifts.exhausted();
        }
    }

    /**
     * The Riemannian Hessian as an n x n matrix on the tangent space plus the projector onto the
     * normal space, built column by column: column j is Hess[P e_j] + (e_j - P e_j).
     */
    static double[] riemannianMatrix(Problem problem, Problem.Point p, double[] h) {
        int n = problem.dimension();
        Manifold m = problem.manifold();
        double[] out = new double[n * n];
        double[] e = new double[n];
        double[] u = new double[n];
        double[] hu = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            m.project(p.x(), e, u);
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += h[i * n + k] * u[k];
                }
                hu[i] = s;
            }
            m.riemannianHessianVector(p.x(), p.euclideanGradient(), hu, u, col);
            m.project(p.x(), col, col);
            for (int i = 0; i < n; i++) {
                out[i * n + j] = col[i] + e[i] - u[i];
            }
            e[j] = 0.0;
        }
        for (int i = 0; i < n; i++) {            // symmetrise away the rounding
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (out[i * n + j] + out[j * n + i]);
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
        }
        return out;
    }
}
