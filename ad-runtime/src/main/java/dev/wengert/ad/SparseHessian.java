package dev.wengert.ad;

import dev.wengert.ad.coloring.Coloring;
import dev.wengert.ad.coloring.StarColoring;
import dev.wengert.ad.tape.Csr;
import dev.wengert.ad.tape.HessianSparsity;
import dev.wengert.ad.tape.HessianBatches;
import dev.wengert.ad.tape.TapeData;
import dev.wengert.ad.tape.Workspace;

/**
 * What a recording needs to compute its Hessian sparsely, worked out once: the pattern (nonlinear
 * interaction sets), a star coloring of it, and for every non-zero the place in the compressed
 * Hessian that holds it. An evaluation is then one replay, one reverse sweep, and forward-over-reverse
 * sweeps k directions wide for the colors (a handful for a stencil, whatever n is), followed by a
 * gather of the non-zeros: O(nnz) memory, no n x n array anywhere.
 */
final class SparseHessian {
    private final SparsityPattern pattern;
    private final Coloring coloring;
    private final int[] colorOf;
    private final int[] recovery;

    private SparseHessian(SparsityPattern pattern, Coloring coloring) {
        this.pattern = pattern;
        this.coloring = coloring;
        this.colorOf = coloring.toArray();
        this.recovery = StarColoring.recoveryIndex(pattern, coloring);
    }

    static SparseHessian of(TapeData tape, int out) {
        Csr csr = HessianSparsity.of(tape, out);
        SparsityPattern pattern = new SparsityPattern(csr.rows(), tape.inputCount(), csr.rowStart(), csr.column());
        return new SparseHessian(pattern, StarColoring.of(pattern));
    }

    SparsityPattern pattern() {
        return pattern;
    }

    Coloring coloring() {
        return coloring;
    }

    /**
     * Writes the non-zeros at the point whose node values are in {@code ws} (the caller's workspace for
     * this whole evaluation) into {@code values}, in the pattern's order.
     */
    void evaluate(TapeData tape, Workspace ws, int out, double[] values) {
        if (pattern.nonZeros() == 0) {
            return;
        }
        int colors = coloring.count();
        double[] compressed = ws.compressed(Math.multiplyExact(tape.inputCount(), colors));
        HessianBatches.compressed(tape, ws, out, colorOf, colors, compressed);
        for (int k = 0; k < values.length; k++) {
            values[k] = compressed[recovery[k]];
        }
    }
}
