package dev.wengert.ad.tape;

/**
 * How one recording computes its dense Hessian, decided on its first call and kept: by
 * {@link EdgePushing} into the n x n array (one reverse sweep carrying second-order adjoints, a small
 * multiple of a gradient for sums of small terms such as pair energies and stencils), unless that sweep
 * needs more work than the vector mode would ({@link EdgePushing#vectorModeBudget}), in which case it is
 * given up and {@link HessianBatches#dense} (one k-wide sweep per batch of columns, on several threads)
 * is used from then on.
 *
 * <p>The decision depends only on the recording's structure and the values at the first call's x (edge
 * pushing skips zero entries), and is taken once under a lock, so every call of one recording uses the
 * same method and a given x always gives the same bits, on any thread.
 *
 * <pre>{@code
 * DenseHessian plan = new DenseHessian(tape, out);              // once per recording
 * ValueSweep.run(tape, x, ws.values(), ws.inner());             // values at x first
 * plan.evaluate(ws, h, threads);
 * }</pre>
 */
public final class DenseHessian {
    private final TapeData tape;
    private final int out;
    private volatile EdgePushing edgePushing;   // until the first call, and after it if edge pushing was kept
    private volatile boolean decided;

    /**
     * The plan for output node {@code out} of {@code tape}.
     *
     * @param tape the tape
     * @param out the output node
     */
    public DenseHessian(TapeData tape, int out) {
        this.tape = tape;
        this.out = out;
        this.edgePushing = EdgePushing.dense(tape, out);
    }

    /**
     * Writes the dense Hessian into row-major {@code h}, given the node values and inner values at x
     * in {@code ws}.
     *
     * @param ws the caller's workspace for this evaluation
     * @param h receives the n x n Hessian, row-major
     * @param threads the most threads the vector mode may use (edge pushing runs on the caller's thread)
     */
    public void evaluate(Workspace ws, double[] h, int threads) {
        if (!decided) {
            synchronized (this) {
                if (!decided) {
                    boolean finished = edgePushing.evaluate(tape, ws, h, EdgePushing.vectorModeBudget(tape));
                    if (!finished) edgePushing = null;
                    decided = true;
                    if (finished) return;
                }
            }
        }
        EdgePushing e = edgePushing;
        if (e != null) {
            e.evaluate(tape, ws, h);
        } else {
            HessianBatches.dense(tape, ws, out, h, threads);
        }
    }

    /**
     * True if the first call kept edge pushing, false if it chose the vector mode; null before the first call.
     *
     * @return the method of every call, or null while undecided
     */
    public Boolean byEdgePushing() {
        if (!decided) return null;
        return edgePushing != null;
    }
}
