package dev.wengert.codegen.ir;

import java.util.Map;

/**
 * Loop-invariant code motion: moves computations that cannot throw (no array reads, no int
 * division) out of the loops they do not depend on, runs invariant array reads once in the loop's
 * preheader, and turns accumulations into an output at a loop-invariant index into a reduction
 * scattered once after the loop, as a person would write {@code gi += ...} inside the pair loop
 * and {@code g[3 * i] += gi} after it. The pass is a copy through a {@link Builder} that places
 * each value it builds in the outermost block its arguments allow.
 */
public final class LoopInvariantMotion {
    private static final LoopInvariantMotion INSTANCE = new LoopInvariantMotion();

    private LoopInvariantMotion() {
    }

    /** {@code p} with invariant code moved out of its loops; the result shares nothing with it. */
    public static Program run(Program p) {
        return Copier.rebuild(p, Map.of(), new Builder(INSTANCE));
    }

    /** True if a value of this operation may run before the loop whose body builds it (it cannot throw). */
    boolean movesOutOfLoops(Op op, Type type) {
        return op != Op.READ && op != Op.LENGTH && !(type == Type.INT && (op == Op.DIV || op == Op.REM));
    }
}
