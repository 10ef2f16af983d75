package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Removes values, reductions, phis, loops and ifs that neither reach the result nor a scatter.
 * One backward walk suffices: in structured SSA every use comes after its definition, and a loop's
 * body is walked when the loop is reached, after every use of its results.
 */
public final class DeadCodeElimination {
    private final Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());

    private DeadCodeElimination() {
    }

    /** Removes dead code from {@code p} in place and returns it. */
    public static Program run(Program p) {
        DeadCodeElimination dce = new DeadCodeElimination();
        if (p.result() != null) {
            dce.live.add(p.result());
        }
        dce.sweep(p.body());
        return p;
    }

    /** Walks a block backwards, marks what is live, and drops the rest; true if anything stays. */
    private boolean sweep(Block block) {
        List<Node> kept = new ArrayList<>();
        List<Node> nodes = block.nodes();
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Node n = nodes.get(k);
            boolean keep;
            if (n instanceof Scatter s) {
                mark(s.index());
                if (s.byEntry()) {
                    mark(s.column());
                }
                mark(s.value());
                keep = true;
            } else if (n instanceof Value v) {
                keep = live.contains(v);
                if (keep) {
                    v.args().forEach(this::mark);
                }
            } else if (n instanceof Loop l) {
                keep = sweepLoop(l);
            } else {
                keep = sweepIf((If) n);
            }
            if (keep) {
                kept.add(n);
            }
        }
        Collections.reverse(kept);
        nodes.clear();
        nodes.addAll(kept);
        return !kept.isEmpty();
    }

    private boolean sweepLoop(Loop l) {
        l.reductions().removeIf(r -> !live.contains(r.result()));
        for (Loop.Reduction r : l.reductions()) {
            mark(r.init());
            mark(r.delta());
        }
        boolean bodyLive = sweep(l.body());
        sweep(l.preheader());
        if (!bodyLive && l.reductions().isEmpty()) {
            l.preheader().nodes().clear();
            return false;
        }
        mark(l.lo());
        mark(l.hi());
        return true;
    }

    private boolean sweepIf(If i) {
        i.phis().removeIf(p -> !live.contains(p.result()));
        for (If.Phi p : i.phis()) {
            mark(p.whenTrue());
            mark(p.whenFalse());
        }
        boolean thenLive = sweep(i.then());
        boolean elseLive = sweep(i.otherwise());
        if (!thenLive && !elseLive && i.phis().isEmpty()) {
            return false;
        }
        mark(i.cond());
        return true;
    }

    private void mark(Value v) {
        live.add(v);
    }
}
