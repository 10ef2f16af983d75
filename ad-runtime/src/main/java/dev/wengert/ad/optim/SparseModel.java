package dev.wengert.ad.optim;

import dev.wengert.ad.SparsityPattern;

/**
 * The sparse Hessian of one run's objective at the current iterate: evaluated once per Newton step,
 * applied by a CSR product in every CG step, with its diagonal as the Jacobi preconditioner
 * ({@link NewtonCg}), or factored by a caller's sparse Cholesky ({@link Newton}).
 */
final class SparseModel {

    /** AUTO's longest row: beyond it the colors of a sparse Hessian cost more than typical CG runs. */
    static final int PAYING_ROW_LENGTH = 64;

    private final Problem problem;
    private final SparsityPattern pattern;
    private final double[] values;
    private final double[] euclidean;
    private final double[] diagonal;
    private final int[] diagonalIndex;

    private SparseModel(Problem problem, SparsityPattern pattern) {
        int n = problem.dimension();
        if (pattern.rows() != n || pattern.columns() != n) {
            throw new IllegalArgumentException("the objective's Hessian pattern is " + pattern.rows() + " x "
                    + pattern.columns() + " but x has length " + n + "; hessianPattern() must be n x n");
        }
        this.problem = problem;
        this.pattern = pattern;
        this.values = new double[pattern.nonZeros()];
        this.euclidean = new double[n];
        this.diagonal = new double[n];
        this.diagonalIndex = new int[n];
        for (int i = 0; i < n; i++) {
            diagonalIndex[i] = pattern.indexOf(i, i);
        }
    }

    /** The model the mode asks for, or null for Hessian-vector products; asks for the pattern at most once. */
    static SparseModel of(Problem problem, HessianMode mode) {
        return switch (mode) {
            case HESSIAN_VECTOR -> null;
            // hessianPattern(n), not hessianPattern(): a generated class whose dimension follows x answers only that.
            case SPARSE -> new SparseModel(problem, problem.objective().hessianPattern(problem.dimension()));
            case AUTO -> {
                SparsityPattern pattern = problem.hessianPatternIfKnown();
                int n = problem.dimension();
                boolean pays = pattern != null && pattern.maxRowLength() <= PAYING_ROW_LENGTH
                        && 16L * pattern.maxRowLength() <= n;
                yield pays ? new SparseModel(problem, pattern) : null;
            }
        };
    }

    /** Evaluates the sparse Hessian at p (not the preconditioner: {@link #update} does both). */
    void evaluate(Problem.Point p) {
        problem.sparseHessian(p, values);
    }

    /** The Hessian's pattern, n x n. */
    SparsityPattern pattern() {
        return pattern;
    }

    /** The Hessian's non-zeros as last evaluated, in the pattern's order (kept; do not change them). */
    double[] values() {
        return values;
    }

    /** Entry (i, i) as last evaluated; 0 where the pattern has none. */
    double diagonalEntry(int i) {
        return diagonalIndex[i] < 0 ? 0.0 : values[diagonalIndex[i]];
    }

    /** Evaluates the sparse Hessian at p and its Jacobi preconditioner. */
    void update(Problem.Point p) {
        evaluate(p);
        double largest = 0.0;
        for (int i = 0; i < diagonal.length; i++) {
            diagonal[i] = Math.abs(diagonalEntry(i));
            largest = Math.max(largest, diagonal[i]);
        }
        // A zero or tiny diagonal entry (an indefinite or singular H) would make M^-1 blow up: bound the
        // entries below relative to the largest, and use the identity where H has no diagonal at all.
        // Scaled to a largest entry of 1: CG's iterates do not depend on the scale, but the trust region
        // |p|_M <= radius does, and this way it contains the Euclidean ball of the same radius.
        double floor = largest > 0.0 ? 1e-8 : 1.0;
        double scale = largest > 0.0 ? 1.0 / largest : 1.0;
        for (int i = 0; i < diagonal.length; i++) {
            diagonal[i] = Math.max(diagonal[i] * scale, floor);
        }
    }

    /** Writes the (Riemannian) Hessian at p, as last updated, applied to u into out. */
    void apply(Problem.Point p, double[] u, double[] out) {
        long start = System.nanoTime();
        pattern.multiply(values, u, euclidean);
        problem.addHessianTime(System.nanoTime() - start);
        problem.riemannianHessianVector(p, euclidean, u, out);
    }

    /** The Jacobi preconditioner's diagonal at the last update (kept; do not change it). */
    double[] preconditioner() {
        return diagonal;
    }
}
