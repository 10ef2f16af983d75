package dev.wengert.codegen.ir;

import java.util.List;
import java.util.Map;

/**
 * The optimisation pipeline, pass by pass: {@link #simplify} (CSE with folding, dead-code
 * elimination and loop fusion to a fixed point), then {@link LoopInvariantMotion} (with
 * accumulations at invariant indices turned into reductions), then dead-code elimination again.
 * Motion comes last because a value hoisted between two loops would keep them from fusing.
 */
public final class Passes {

    private Passes() {
    }

    /** Optimises {@code p} with every pass; the result shares nothing with it. */
    public static Program optimize(Program p) {
        return DeadCodeElimination.run(LoopInvariantMotion.run(simplify(p)));
    }

    /**
     * Optimises {@code p} without code motion: every scatter stays in the loop iteration that
     * computes it (what the local-Hessian transformation needs).
     */
    public static Program simplify(Program p) {
        Program current = DeadCodeElimination.run(Copier.rebuild(p, Map.of()));
        // each round can fuse one more level of nested loops (the inner loops of a merged body)
        for (int round = 0; round < 8; round++) {
            Map<Loop, List<Loop>> plan = LoopFusion.plan(current);
            if (plan.isEmpty()) {
                break;
            }
            current = DeadCodeElimination.run(Copier.rebuild(current, plan));
        }
        return current;
    }
}
