package dev.wengert.codegen.ir;

/**
 * The five programs a generated class runs, optimised, with how its Hessian is assembled: what the
 * derivative passes hand to the emitter.
 *
 * @param value f(x)
 * @param gradient f(x), adding the gradient into g
 * @param hessianVector adds H(x) v into hv
 * @param gradientAndHessianVector f(x), adding into g and hv in one pass
 * @param hessian adds H(x) into h (row-major), or, if {@code diagonalBlock > 0}, assigns the
 *        entries outside the diagonal blocks and adds into the diagonal blocks
 * @param localHessian true if the Hessian is assembled from per-iteration local Hessians,
 *        false if it falls back to one Hessian-vector product per column
 * @param diagonalBlock 0 if all of h must be zero before {@code hessian} runs; s > 0 if only the
 *        diagonal s x s blocks must be (and all of h when x.length is not a multiple of s)
 * @param sparseHessian adds the Hessian's non-zeros into {@link ArrayRef#SPARSE_HESSIAN} by entry,
 *        from the same local Hessians as {@code hessian}; null if the Hessian is not assembled from them
 * @param hessianPattern adds every entry {@code sparseHessian} can add into, for any x of the same
 *        length, into {@link ArrayRef#HESSIAN_PATTERN}; null exactly when {@code sparseHessian} is
 */
public record ObjectivePrograms(Program value, Program gradient, Program hessianVector,
                                Program gradientAndHessianVector, Program hessian, boolean localHessian,
                                int diagonalBlock, Program sparseHessian, Program hessianPattern) {

    /** The number of IR nodes of the programs: what the generated class's size grows with. */
    public int size() {
        int sparse = sparseHessian == null ? 0 : sparseHessian.size() + hessianPattern.size();
        return value.size() + gradient.size() + hessianVector.size() + gradientAndHessianVector.size() + hessian.size()
                + sparse;
    }
}
