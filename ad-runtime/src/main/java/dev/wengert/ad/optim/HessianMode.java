package dev.wengert.ad.optim;

/**
 * How {@link NewtonCg} gets its Hessian products: one Hessian-vector product per CG step, or the
 * sparse Hessian ({@link dev.wengert.ad.Objective#sparseHessian}) once per Newton step and then one
 * sparse matrix product per CG step, with a Jacobi preconditioner.
 *
 * <pre>{@code
 * new NewtonCg().withHessian(HessianMode.SPARSE).minimize(gridEnergy, x0);
 * }</pre>
 */
public enum HessianMode {
    /** Hessian-vector products only (the default): works for every objective, costs nothing up front. */
    HESSIAN_VECTOR,
    /**
     * The sparse Hessian; the objective must know its pattern ({@code hessianPattern(n)} for x of length n, so a
     * generated class whose dimension follows x qualifies), else the run
     * fails at once with the objective's {@link UnsupportedOperationException}.
     */
    SPARSE,
    /**
     * The sparse Hessian when the objective knows its pattern and the pattern is sparse enough to pay
     * (at most {@value SparseModel#PAYING_ROW_LENGTH} entries in every row, and in every row at most a
     * sixteenth of n); else Hessian-vector products. The pattern is asked for once per run. Not the
     * default, because working out a dense tape's pattern can cost far more than the run (minutes for
     * a Thomson recording with 1000 points).
     */
    AUTO
}
