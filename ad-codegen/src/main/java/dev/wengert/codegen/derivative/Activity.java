package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Activity analysis: the double values that depend on the variable array x or on a work array ({@link #of}), or the
 * values of every type whose value x can change, a branch taken on x included ({@link #dependingOnX}).
 */
final class Activity {

    private final Set<Value> active = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean allTypes;

    private Activity(boolean allTypes) {
        this.allTypes = allTypes;
    }

    static Set<Value> of(Program p) {
        Activity a = new Activity(false);
        a.walk(p.body());
        return a.active;
    }

    /** Every value of p, of any type, that x can change: through its arguments or the branch it is merged from. */
    static Set<Value> dependingOnX(Program p) {
        Activity a = new Activity(true);
        a.walk(p.body());
        return a.active;
    }

    private void walk(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                if ((allTypes || v.type() == Type.DOUBLE)
                        && (isVariableRead(v) || isWorkRead(v) || v.args().stream().anyMatch(active::contains))) {
                    active.add(v);
                }
            } else if (n instanceof Loop l) {
                // carried state is active from its init, or from what an iteration makes of it: to a fixed point
                boolean grew = true;
                while (grew) {
                    for (Loop.Carried c : l.carried()) {
                        if (active.contains(c.init()) || active.contains(c.next())) {
                            active.add(c.phi());
                        }
                    }
                    walk(l.preheader());
                    walk(l.body());
                    grew = l.carried().stream().anyMatch(c -> !active.contains(c.phi()) && active.contains(c.next()));
                }
                for (Loop.Carried c : l.carried()) {
                    if (active.contains(c.phi())) {
                        active.add(c.result());
                    }
                }
                for (Loop.Reduction r : l.reductions()) {
                    if (active.contains(r.init()) || active.contains(r.delta())) {
                        active.add(r.result());
                    }
                }
            } else if (n instanceof If i) {
                walk(i.then());
                walk(i.otherwise());
                for (If.Phi p : i.phis()) {
                    if (active.contains(p.whenTrue()) || active.contains(p.whenFalse())
                            || allTypes && active.contains(i.cond())) {
                        active.add(p.result());
                    }
                }
            }
        }
    }

    /** A read of a work array: its elements may hold values of x, so it is taken as active. */
    static boolean isWorkRead(Value v) {
        return v.op() == Op.READ && ((ArrayRef) v.payload()).isWork();
    }

    static boolean isVariableRead(Value v) {
        return v.op() == Op.READ && ((ArrayRef) v.payload()).kind() == ArrayRef.Kind.VARIABLE;
    }
}
