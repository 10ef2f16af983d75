package dev.wengert.ad;

import dev.wengert.ad.coloring.AcyclicColoring;
import dev.wengert.ad.coloring.Coloring;
import dev.wengert.ad.coloring.StarColoring;
import dev.wengert.ad.tape.Csr;
import dev.wengert.ad.tape.EdgePushing;
import dev.wengert.ad.tape.HessianBatches;
import dev.wengert.ad.tape.HessianSparsity;
import dev.wengert.ad.tape.TapeData;
import dev.wengert.ad.tape.Workspace;

/**
 * What a recording needs to compute its Hessian sparsely, worked out once: the pattern (nonlinear
 * interaction sets) and, on first use of each method, the edge-pushing plan (the mirror of every entry),
 * a star coloring of the pattern with, for every non-zero, its place in the compressed Hessian, or an
 * acyclic coloring with its substitution plan.
 * Either way an evaluation needs O(nnz) memory besides per-node scratch, and no n x n array anywhere.
 */
final class SparseHessian {
    private final TapeData tape;
    private final int out;
    private final SparsityPattern pattern;
    private final Csr csr;   // the pattern's arrays, for the sweeps
    private final Lazy<EdgePushing> edgePushing;
    private final Lazy<Colored> colored;
    private final Lazy<Acyclic> acyclic;

    /** A star coloring with the position in H S of every non-zero. */
    private record Colored(Coloring coloring, int[] colorOf, int[] recovery) {
    }

    /** An acyclic coloring with its substitution plan. */
    private record Acyclic(Coloring coloring, int[] colorOf, AcyclicColoring.Recovery recovery) {
    }

    private SparseHessian(TapeData tape, int out, Csr csr) {
        this.tape = tape;
        this.out = out;
        this.csr = csr;
        this.pattern = new SparsityPattern(csr.rows(), tape.inputCount(), csr.rowStart(), csr.column());
        this.edgePushing = new Lazy<>(() -> EdgePushing.of(tape, out, csr.rowStart(), csr.column()));
        this.colored = new Lazy<>(() -> {
            Coloring coloring = StarColoring.of(pattern);
            return new Colored(coloring, coloring.toArray(), StarColoring.recoveryIndex(pattern, coloring));
        });
        this.acyclic = new Lazy<>(() -> {
            Coloring coloring = AcyclicColoring.of(pattern);
            return new Acyclic(coloring, coloring.toArray(), AcyclicColoring.recovery(pattern, coloring));
        });
    }

    static SparseHessian of(TapeData tape, int out) {
        return new SparseHessian(tape, out, HessianSparsity.of(tape, out));
    }

    SparsityPattern pattern() {
        return pattern;
    }

    /** The method {@link #evaluate} uses when the caller names none. */
    SparseHessianMethod defaultMethod() {
        return SparseHessianMethod.EDGE_PUSHING;
    }

    Coloring coloring() {
        return colored().coloring();
    }

    private Colored colored() {
        return colored.get();
    }

    /** The acyclic coloring of the pattern, worked out on first use. */
    Coloring acyclicColoring() {
        return acyclic().coloring();
    }

    private Acyclic acyclic() {
        return acyclic.get();
    }

    private EdgePushing edgePushing() {
        return edgePushing.get();
    }

    /** Works out what {@code method} needs now, so that its first evaluation costs no more than the next. */
    void prepare(SparseHessianMethod method) {
        switch (method) {
            case EDGE_PUSHING -> edgePushing();
            case STAR_COLORING -> colored();
            case ACYCLIC_COLORING -> acyclic();
        }
    }

    /**
     * Writes the non-zeros at the point whose node values are in {@code ws} (the caller's workspace for
     * this whole evaluation) into {@code values}, in the pattern's order.
     */
    void evaluate(Workspace ws, double[] values, SparseHessianMethod method) {
        if (pattern.nonZeros() == 0) {
            return;
        }
        if (method == SparseHessianMethod.EDGE_PUSHING) {
            edgePushing().evaluate(tape, ws, values);
            return;
        }
        if (method == SparseHessianMethod.ACYCLIC_COLORING) {
            Acyclic a = acyclic();
            int colors = a.coloring().count();
            double[] compressed = ws.compressed(Math.multiplyExact(tape.inputCount(), colors));
            HessianBatches.compressed(tape, ws, out, a.colorOf(), colors, compressed);
            a.recovery().recover(compressed, values);
            return;
        }
        Colored c = colored();
        int colors = c.coloring().count();
        double[] compressed = ws.compressed(Math.multiplyExact(tape.inputCount(), colors));
        HessianBatches.compressed(tape, ws, out, c.colorOf(), colors, compressed);
        int[] recovery = c.recovery();
        for (int k = 0; k < values.length; k++) {
            values[k] = compressed[recovery[k]];
        }
    }
}
