package dev.wengert.ad.optim;

import dev.wengert.ad.SparsityPattern;

/**
 * A sparse Cholesky factorisation that {@link Newton} can use in place of its dense one, supplied by the
 * caller: Wengert's runtime has no dependencies, and a sparse direct solver worth using (fill-reducing
 * ordering, supernodes) belongs in a library such as EJML's sparse module, not hand-written here. The
 * samples module has one on EJML ({@code EjmlSparseCholesky}).
 *
 * <p>Newton calls {@link #factor} once or more per iteration, with the same pattern every time (the
 * objective's {@code hessianPattern(n)}) and growing shifts until the factorisation succeeds, then
 * {@link #solve} once. An implementation may therefore work out the symbolic factorisation on the first
 * call and reuse it. It is used by one run at a time.
 *
 * <pre>{@code
 * OptimizationHistory h = new Newton().withSparseCholesky(new EjmlSparseCholesky()).minimize(gridEnergy, x0);
 * }</pre>
 */
public interface SparseCholeskySolver {

    /**
     * Factors A + shift I, where A is symmetric with the given pattern (both triangles) and non-zeros.
     *
     * @param pattern the pattern of A, n x n, the same in every call of one run
     * @param values A's non-zeros in the pattern's order (not modified)
     * @param shift the multiple of the identity to add, at least 0
     * @return true if the shifted matrix is positive definite and factored; false if it is not
     */
    boolean factor(SparsityPattern pattern, double[] values, double shift);

    /**
     * Solves (A + shift I) x = b with the last successful {@link #factor}.
     *
     * @param b the right-hand side, length n (not modified)
     * @param x output: the solution, length n
     */
    void solve(double[] b, double[] x);
}
