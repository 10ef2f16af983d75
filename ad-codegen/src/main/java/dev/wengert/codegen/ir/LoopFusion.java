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
 * next to another's only reorders commutative {@code +=} accumulations; a loop that reads or writes a work
 * array moves only past code that does not write what it reads or read what it writes ({@link WorkEffects}).
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
            for (Value d : UseDef.definedAtTop(n)) {
                position.put(d, k);
            }
        }
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (n instanceof Loop later) {
                Set<Value> uses = UseDef.freeUses(later);
                for (int j = 0; j < k; j++) {
                    if (nodes.get(j) instanceof Loop earlier && !absorbed.contains(earlier)
                            && earlier.sameHeader(later) && allBefore(uses, position, j)
                            && commutes(later, nodes.subList(j, k), absorbed)) {
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

    /**
     * True if moving {@code later} up to the first of {@code between} (next to the loops fused into it)
     * changes no work array that any of them reads or writes.
     */
    private boolean commutes(Loop later, List<Node> between, Set<Loop> absorbed) {
        WorkEffects moved = WorkEffects.of(later);
        if (moved.isEmpty()) {
            return true;
        }
        for (Node n : between) {
            if (n instanceof Loop l && absorbed.contains(l)) {
                continue;   // already moved up, next to the loop it joined
            }
            if (moved.conflictsWith(WorkEffects.of(n))) {
                return false;
            }
            for (Loop joined : n instanceof Loop l ? plan.getOrDefault(l, List.of()) : List.<Loop>of()) {
                if (moved.conflictsWith(WorkEffects.of(joined))) {
                    return false;
                }
            }
        }
        return true;
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

}
