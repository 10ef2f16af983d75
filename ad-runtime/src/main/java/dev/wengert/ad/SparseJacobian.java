package dev.wengert.ad;

import dev.wengert.ad.coloring.Coloring;
import dev.wengert.ad.coloring.ColumnColoring;
import dev.wengert.ad.tape.Csr;
import dev.wengert.ad.tape.JacobianSparsity;
import dev.wengert.ad.tape.TapeData;

/**
 * What a recording needs to compute its Jacobian sparsely, worked out once: the pattern (forward
 * index sets), distance-2 colorings of its columns and of its rows, and the choice between them:
 * one Jacobian-vector product per column color (forward) or one vector-Jacobian product per row color
 * (reverse), whichever is fewer. Every entry is then read directly from the compressed product.
 */
final class SparseJacobian {
    private final SparsityPattern pattern;
    private final Coloring coloring;
    private final boolean forward;

    private SparseJacobian(SparsityPattern pattern) {
        this.pattern = pattern;
        Coloring columns = ColumnColoring.of(pattern);
        Coloring rows = ColumnColoring.ofRows(pattern);
        this.forward = columns.count() <= rows.count();
        this.coloring = forward ? columns : rows;
    }

    static SparseJacobian of(TapeData tape) {
        Csr csr = JacobianSparsity.of(tape);
        return new SparseJacobian(new SparsityPattern(csr.rows(), tape.inputCount(), csr.rowStart(), csr.column()));
    }

    SparsityPattern pattern() {
        return pattern;
    }

    Coloring coloring() {
        return coloring;
    }

    boolean forward() {
        return forward;
    }

    /** J s (forward) or s^T J (reverse) at the point of one evaluation, for a seed s of 0s and 1s. */
    interface Product {
        void into(double[] seed, double[] product);
    }

    /**
     * Writes the non-zeros into {@code values}, in the pattern's order, from one {@code product} per color:
     * Jacobian-vector products if {@link #forward()}, vector-Jacobian products otherwise.
     */
    void evaluate(Product product, double[] values) {
        int m = pattern.rows();
        int n = pattern.columns();
        int colors = coloring.count();
        // forward: compressed[row * colors + c] = (J S)[row][c]; reverse: compressed[col * colors + c] = (S^T J)[c][col]
        double[] compressed = new double[Math.multiplyExact(forward ? m : n, colors)];
        double[] seed = new double[forward ? n : m];
        double[] column = new double[forward ? m : n];
        for (int c = 0; c < colors; c++) {
            for (int k = 0; k < seed.length; k++) seed[k] = coloring.color(k) == c ? 1 : 0;
            product.into(seed, column);
            for (int k = 0; k < column.length; k++) compressed[k * colors + c] = column[k];
        }
        for (int row = 0; row < m; row++) {
            for (int k = pattern.rowStart(row); k < pattern.rowStart(row + 1); k++) {
                int col = pattern.column(k);
                values[k] = forward ? compressed[row * colors + coloring.color(col)]
                        : compressed[col * colors + coloring.color(row)];
            }
        }
    }
}
