package dev.wengert.codegen.ir;

import java.util.List;
import java.util.Map;

/** The optimisation pipeline: CSE with folding, dead-code elimination and loop fusion, to a fixed point. */
public final class Passes {

    private Passes() {
    }

    /** Optimises {@code p}; the result shares nothing with it. */
    public static Program optimize(Program p) {
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
