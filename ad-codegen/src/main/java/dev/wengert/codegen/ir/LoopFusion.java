package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the fusion of loops with the same header: a later loop joins an earlier one when
 * everything it reads from outside is already computed before the earlier loop. This is what
 * turns "forward loop, then adjoint loop" into the single pass a person would write (compute the
 * pair's values, then its local adjoint, and scatter into g), whenever the adjoint seeds do not
 * depend on the loop's own result. Iterations stay independent, so moving a loop's iterations
 * next to another's only reorders commutative {@code +=} accumulations.
 */
public final class LoopFusion {

    private final Map<Loop, List<Loop>> plan = new LinkedHashMap<>();

    private LoopFusion() {
    }

    /** The fusion plan for every block of {@code p} (to be executed by {@link Copier}). */
    public static Map<Loop, List<Loop>> plan(Program p) {
        LoopFusion f = new LoopFusion();
        f.planBlock(p.body());
        return f.plan;
    }

    private void planBlock(Block block) {
        List<Node> nodes = block.nodes();
        Map<Value, Integer> position = new IdentityHashMap<>();
        Set<Loop> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            for (Value d : definedBy(n)) {
                position.put(d, k);
            }
        }
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (n instanceof Loop later) {
                Set<Value> uses = freeUses(later);
                for (int j = 0; j < k; j++) {
                    if (nodes.get(j) instanceof Loop earlier && !absorbed.contains(earlier)
                            && earlier.sameHeader(later) && allBefore(uses, position, j)) {
                        plan.computeIfAbsent(earlier, e -> new ArrayList<>()).add(later);
                        absorbed.add(later);
                        break;
                    }
                }
                planBlock(later.body());
            } else if (n instanceof If i) {
                planBlock(i.then());
                planBlock(i.otherwise());
            }
        }
    }

    private static boolean allBefore(Set<Value> uses, Map<Value, Integer> position, int j) {
        for (Value u : uses) {
            Integer p = position.get(u);
            if (p != null && p >= j) {
                return false;
            }
        }
        return true;
    }

    private static List<Value> definedBy(Node n) {
        List<Value> out = new ArrayList<>();
        if (n instanceof Value v) {
            out.add(v);
        } else if (n instanceof Loop l) {
            l.reductions().forEach(r -> out.add(r.result()));
        } else if (n instanceof If i) {
            i.phis().forEach(p -> out.add(p.result()));
        }
        return out;
    }

    /** Values a node uses (for a loop: header, body, reductions) that it does not define itself. */
    public static Set<Value> freeUses(Node l) {
        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(l, used, defined);
        used.removeAll(defined);
        return used;
    }

    /** Values the nodes of a block use but do not define. */
    public static Set<Value> freeUses(Block block) {
        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        block.nodes().forEach(c -> collect(c, used, defined));
        used.removeAll(defined);
        return used;
    }

    /** Every value a node defines, including everything inside its blocks. */
    public static Set<Value> definitions(Node n) {
        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(n, used, defined);
        return defined;
    }

    private static void collect(Node n, Set<Value> used, Set<Value> defined) {
        if (n instanceof Value v) {
            defined.add(v);
            used.addAll(v.args());
        } else if (n instanceof Scatter s) {
            used.add(s.index());
            used.add(s.value());
        } else if (n instanceof Loop l) {
            used.add(l.lo());
            used.add(l.hi());
            defined.add(l.index());
            for (Loop.Reduction r : l.reductions()) {
                used.add(r.init());
                used.add(r.delta());
                defined.add(r.result());
            }
            l.preheader().nodes().forEach(c -> collect(c, used, defined));
            l.body().nodes().forEach(c -> collect(c, used, defined));
        } else if (n instanceof If i) {
            used.add(i.cond());
            for (If.Phi p : i.phis()) {
                used.add(p.whenTrue());
                used.add(p.whenFalse());
                defined.add(p.result());
            }
            i.then().nodes().forEach(c -> collect(c, used, defined));
            i.otherwise().nodes().forEach(c -> collect(c, used, defined));
        }
    }
}
