package dev.wengert.samples;

import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.optim.SparseCholeskySolver;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * {@link SparseCholeskySolver} on EJML's sparse Cholesky (up-looking, CSparse's algorithm). A symmetric
 * matrix's CSR arrays are its CSC arrays, so the pattern is handed over as it is, with a diagonal entry
 * added to rows that have none (the shift needs one). The symbolic factorisation is worked out on the
 * first call and reused, since Newton factors the same pattern every time.
 *
 * <p>EJML has no fill-reducing ordering (its {@code FillReducing} offers none but testing ones), so the
 * factor is as sparse as the natural order makes it: for an m x m grid numbered row by row, a band of
 * width m, n m non-zeros and n m^2 flops. That is fine up to m of a few hundred; beyond, use Newton-CG.
 */
final class EjmlSparseCholesky implements SparseCholeskySolver {

    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
            LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    private SparsityPattern pattern;
    private DMatrixSparseCSC matrix;
    private int[] slot;          // the position in matrix of each of the pattern's non-zeros
    private int[] diagonalSlot;  // the position in matrix of each diagonal entry
    private DMatrixRMaj rhs;
    private DMatrixRMaj solution;

    @Override
    public boolean factor(SparsityPattern p, double[] values, double shift) {
        if (pattern == null) {
            layOut(p);
        } else if (p != pattern && !pattern.equals(p)) {   // Newton hands over the same object: no O(nnz) compare
            throw new IllegalArgumentException("EjmlSparseCholesky factors one pattern per instance: got a "
                    + p.rows() + " x " + p.columns() + " pattern with " + p.nonZeros() + " non-zeros after a "
                    + pattern.rows() + " x " + pattern.columns() + " one with " + pattern.nonZeros());
        }
        Arrays.fill(matrix.nz_values, 0, matrix.nz_length, 0.0);
        for (int k = 0; k < slot.length; k++) {
            matrix.nz_values[slot[k]] = values[k];
        }
        for (int s : diagonalSlot) {
            matrix.nz_values[s] += shift;
        }
        boolean factored = solver.setA(matrix);
        solver.setStructureLocked(true);
        return factored;
    }

    @Override
    public void solve(double[] b, double[] x) {
        System.arraycopy(b, 0, rhs.data, 0, b.length);
        solver.solve(rhs, solution);
        System.arraycopy(solution.data, 0, x, 0, x.length);
    }

    /** The CSC layout: the pattern's columns (its rows, by symmetry) with a diagonal entry in each. */
    private void layOut(SparsityPattern p) {
        if (p.rows() != p.columns() || !p.isSymmetric()) {
            throw new IllegalArgumentException("a Cholesky factorisation needs a square symmetric pattern, got "
                    + p.rows() + " x " + p.columns());
        }
        int n = p.rows();
        int missing = 0;
        for (int i = 0; i < n; i++) {
            if (p.indexOf(i, i) < 0) missing++;
        }
        matrix = new DMatrixSparseCSC(n, n, p.nonZeros() + missing);
        slot = new int[p.nonZeros()];
        diagonalSlot = new int[n];
        int next = 0;
        for (int c = 0; c < n; c++) {
            matrix.col_idx[c] = next;
            boolean diagonalPlaced = false;
            for (int k = p.rowStart(c); k < p.rowStart(c + 1); k++) {
                int r = p.column(k);
                if (!diagonalPlaced && r >= c) {
                    if (r > c) {                       // no entry (c, c) in the pattern: add one, zero
                        matrix.nz_rows[next] = c;
                        diagonalSlot[c] = next++;
                    }
                    diagonalPlaced = true;
                }
                if (r == c) diagonalSlot[c] = next;
                matrix.nz_rows[next] = r;
                slot[k] = next++;
            }
            if (!diagonalPlaced) {
                matrix.nz_rows[next] = c;
                diagonalSlot[c] = next++;
            }
        }
        matrix.col_idx[n] = next;
        matrix.nz_length = next;
        matrix.indicesSorted = true;
        pattern = p;
        rhs = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }
}
