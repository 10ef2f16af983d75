package dev.wengert.ad.tape;

/**
 * The sparsity pattern of the Jacobian of a tape's outputs: row k is the set of inputs output k
 * depends on (forward index-set propagation, as ADOL-C's {@code jac_pat} and CppAD's
 * {@code for_jac_sparsity}), exact for the recorded operation sequence.
 */
public final class JacobianSparsity {

    private JacobianSparsity() {
    }

    /** The m x n pattern in CSR form: for output r, its input columns, increasing. */
    public static Csr of(TapeData t) {
        int m = t.outputCount();
        int last = 0;
        for (int k = 0; k < m; k++) last = Math.max(last, t.outputNode(k));
        int[][] deps = DependencySets.of(t, last, null);
        int[] start = new int[m + 1];
        for (int k = 0; k < m; k++) start[k + 1] = Math.addExact(start[k], deps[t.outputNode(k)].length);
        int[] column = new int[start[m]];
        for (int k = 0; k < m; k++) {
            int[] row = deps[t.outputNode(k)];
            System.arraycopy(row, 0, column, start[k], row.length);
        }
        return new Csr(m, start, column);
    }
}
