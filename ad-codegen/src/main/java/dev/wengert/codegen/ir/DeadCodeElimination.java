package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Removes values, reductions, phis, loops and ifs that neither reach the result nor a scatter, and the
 * writes into work arrays that nothing reads afterwards (an adjoint array cleared at the end).
 * One backward walk suffices: in structured SSA every use comes after its definition, and a loop's
 * body is walked when the loop is reached, after every use of its results.
 */
public final class DeadCodeElimination {
    private final Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The work arrays read after the point the backward walk has reached (a loop's reads count in all of it). */
    private final Set<ArrayRef> readLater = new java.util.HashSet<>();
    /** True while a loop's carried state is worked out: the walk marks what is live and removes nothing. */
    private boolean dryRun;

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
            if (n instanceof Scatter s && s.target().isWork() && !readLater.contains(s.target())) {
                keep = false;   // nothing reads the element afterwards (the adjoint of a work array, cleared at the end)
            } else if (n instanceof Scatter s) {
                if (!s.bySlot()) {
                    mark(s.index());
                }
                if (s.byEntry()) {
                    mark(s.column());
                }
                mark(s.value());
                keep = true;
            } else if (n instanceof Value v) {
                keep = live.contains(v);
                if (keep) {
                    v.args().forEach(this::mark);
                    if (v.op() == Op.READ && ((ArrayRef) v.payload()).isWork()) {
                        readLater.add((ArrayRef) v.payload());
                    }
                }
            } else if (n instanceof Alloc a) {
                keep = readLater.contains(a.array());
                if (keep) {
                    mark(a.size());
                }
            } else if (n instanceof Loop l) {
                readLater.addAll(WorkEffects.of(l).reads());   // a later iteration may read what this one writes
                keep = sweepLoop(l);
            } else {
                readLater.addAll(WorkEffects.of(n).reads());
                keep = sweepIf((If) n);
            }
            if (keep) {
                kept.add(n);
            }
        }
        if (dryRun) {
            return !kept.isEmpty();
        }
        Collections.reverse(kept);
        nodes.clear();
        nodes.addAll(kept);
        return !kept.isEmpty();
    }

    private boolean sweepLoop(Loop l) {
        if (!dryRun) {
            l.reductions().removeIf(r -> !live.contains(r.result()));
        }
        for (Loop.Reduction r : l.reductions()) {
            if (live.contains(r.result())) {
                mark(r.init());
                mark(r.delta());
            }
        }
        // carried state is needed if its result is, or if a needed value of the body reads it: to a fixed point
        Set<Loop.Carried> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean grew = !l.carried().isEmpty();
        while (grew) {
            for (Loop.Carried c : l.carried()) {
                if (live.contains(c.result()) || live.contains(c.phi())) {
                    needed.add(c);
                    mark(c.init());
                    mark(c.next());
                }
            }
            boolean outer = dryRun;
            dryRun = true;
            sweep(l.body());
            sweep(l.preheader());
            dryRun = outer;
            grew = l.carried().stream().anyMatch(c -> !needed.contains(c) && live.contains(c.phi()));
        }
        if (!dryRun) {
            l.carried().removeIf(c -> !needed.contains(c));
        }
        boolean bodyLive = sweep(l.body());
        sweep(l.preheader());
        if (!bodyLive && l.reductions().isEmpty() && l.carried().isEmpty()) {
            l.preheader().nodes().clear();
            return false;
        }
        mark(l.lo());
        mark(l.hi());
        return true;
    }

    private boolean sweepIf(If i) {
        if (!dryRun) {
            i.phis().removeIf(p -> !live.contains(p.result()));
        }
        for (If.Phi p : i.phis()) {
            if (live.contains(p.result())) {
                mark(p.whenTrue());
                mark(p.whenFalse());
            }
        }
        boolean thenLive = sweep(i.then());
        // (a dry run marks what the sweep would keep, and changes nothing)
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
