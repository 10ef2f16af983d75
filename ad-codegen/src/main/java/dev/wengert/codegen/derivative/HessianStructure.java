package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the dense Hessian is the sum of per-iteration local Hessians. That holds when
 * (1) every loop body depends on x only through its own reads (after {@link ReadSinking}),
 * (2) a read of x inside an if is in a loop body and reads at an index computed before the if
 * (the local Hessian scatters at the reads' indices, which must be known at the top of the
 * iteration; ReadSinking computes such indices early where that cannot fail; outside loops the
 * "local" Hessian would be all of it, written out entry by entry through every branch), and (3) every loop result enters the function affinely
 * with coefficients that do not depend on x, so loop results contribute no second-order terms of
 * their own. The Thomson energy, quadratics and sums of squares of residuals of reads all qualify;
 * {@code Math.sqrt(sum)} of a loop does not and falls back to one Hessian-vector product per column.
 */
final class HessianStructure {
    private final Set<Value> active;
    private final Map<Value, List<Object>> users = new IdentityHashMap<>();
    private final Set<Value> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Object resultUse = new Object();

    private HessianStructure(Set<Value> active) {
        this.active = active;
    }

    /** True if the sunk primal {@code p} has a Hessian that is a sum of local Hessians. */
    static boolean isSumOfLocalHessians(Program p) {
        HessianStructure s = new HessianStructure(Activity.of(p));
        if (p.result() != null) {
            s.use(p.result(), s.resultUse);
        }
        if (!s.scan(p.body(), null, false)) {
            return false;
        }
        for (Value v : s.users.keySet()) {
            if (v.op() == Op.LOOP_RESULT && s.active.contains(v) && !s.affine(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records uses and checks conditions (1) and (2); {@code ifDefinitions} are the values defined
     * by the outermost if of the region around this block (null outside ifs), {@code inLoop} whether
     * the region is a loop body.
     */
    private boolean scan(Block block, Set<Value> ifDefinitions, boolean inLoop) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                if (ifDefinitions != null && Activity.isVariableRead(v) && (!inLoop || ifDefinitions.contains(v.arg(0)))) {
                    return false;
                }
                v.args().forEach(a -> use(a, v));
            } else if (n instanceof Loop l) {
                if (!l.carried().isEmpty()) {
                    return false;   // an iteration depends on the one before: no local Hessian per iteration
                }
                // (1): the body and the deltas may not use active values from outside
                Set<Value> inside = UseDef.freeUses(l.body());
                l.reductions().forEach(r -> inside.add(r.delta()));
                inside.removeAll(UseDef.definitions(l));
                if (inside.stream().anyMatch(active::contains)) {
                    return false;
                }
                for (Loop.Reduction r : l.reductions()) {
                    use(r.init(), r.result());
                    use(r.delta(), r.result());
                }
                if (!scan(l.preheader(), null, true) || !scan(l.body(), null, true)) {
                    return false;
                }
            } else if (n instanceof If i) {
                for (If.Phi p : i.phis()) {
                    use(p.whenTrue(), p.result());
                    use(p.whenFalse(), p.result());
                }
                Set<Value> defs = ifDefinitions != null ? ifDefinitions : UseDef.definitions(i);
                if (!scan(i.then(), defs, inLoop) || !scan(i.otherwise(), defs, inLoop)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void use(Value used, Object user) {
        users.computeIfAbsent(used, k -> new ArrayList<>()).add(user);
    }

    /** Condition (3): every use of v is linear in v with an x-independent coefficient. */
    private boolean affine(Value v) {
        if (!checked.add(v)) {
            return true;
        }
        for (Object user : users.getOrDefault(v, List.of())) {
            if (user == resultUse) {
                continue;
            }
            Value u = (Value) user;
            boolean linear = switch (u.op()) {
                case ADD, SUB, NEG, LOOP_RESULT, PHI -> true;
                case MUL -> !active.contains(u.arg(0) == v ? u.arg(1) : u.arg(0));
                case DIV -> u.arg(0) == v && u.arg(1) != v && !active.contains(u.arg(1));
                case SELECT -> u.arg(0) != v;
                case LT, LE, GT, GE, EQ, NE -> true;   // a guard: piecewise, no derivative
                default -> false;
            };
            if (!linear) {
                return false;
            }
            if (!u.op().isComparison() && !affine(u)) {
                return false;
            }
        }
        return true;
    }
}
