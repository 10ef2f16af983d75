package dev.wengert.codegen.emit;

import dev.wengert.codegen.ir.Alloc;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often and where each value of one generated method is printed, which decides which values
 * are written inline into their single use and which get a named local: a value is inlined if it
 * is used once, in the block that defines it, has no source name, and is not handed between the
 * private methods a long body is split into.
 */
final class UseAnalysis {
    private final Map<Value, Integer> uses = new IdentityHashMap<>();
    private final Map<Value, Block> useBlock = new IdentityHashMap<>();
    private final Map<Value, Block> defBlock = new IdentityHashMap<>();
    private final Set<Value> handedOver = Collections.newSetFromMap(new IdentityHashMap<>());

    private UseAnalysis() {
    }

    /** The uses of every value of {@code p}, its result included. */
    static UseAnalysis of(Program p) {
        UseAnalysis a = new UseAnalysis();
        a.count(p.body());
        if (p.result() != null) {
            a.use(p.result(), p.body());
        }
        return a;
    }

    /** True if v is written into its one use instead of a local of its own. */
    boolean inlined(Value v) {
        // a read of a work array is taken where it stands: a later write may change the element
        return !v.op().isFree() && !v.op().isDefinedByNode() && v.nameHint() == null
                && !(v.op() == Op.READ && ((ArrayRef) v.payload()).isWork())
                && uses.getOrDefault(v, 0) == 1 && useBlock.get(v) == defBlock.get(v) && !handedOver.contains(v);
    }

    /** False for a value printed nowhere (a negation only ever printed as {@code -=} of its operand). */
    boolean isUsed(Value v) {
        return uses.containsKey(v);
    }

    /** Marks v as handed from one split-off method to a later one: it needs a name. */
    void handOver(Value v) {
        handedOver.add(v);
    }

    /** What an accumulation of v prints: {@code -= a} for v = -a. */
    static Value accumulated(Value v) {
        return v.op() == Op.NEG ? v.arg(0) : v;
    }

    /** The values that printing these nodes reads from outside them ({@link #accumulated} for accumulations). */
    static Set<Value> printedFreeUses(List<Node> nodes) {
        return UseDef.freeUses(nodes, UseAnalysis::accumulated);
    }

    private void count(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                defBlock.put(v, block);
                v.args().forEach(a -> use(a, block));
                if (v.op() == Op.AZMUL) {
                    use(v.arg(1), block);   // printed twice: a == 0.0 ? 0.0 : p * a
                }
            } else if (n instanceof Scatter s) {
                if (!s.bySlot()) {
                    use(s.index(), block);
                }
                if (s.byEntry()) {
                    use(s.column(), block);
                }
                use(s.assign() ? s.value() : accumulated(s.value()), block);
            } else if (n instanceof Alloc a) {
                use(a.size(), block);
            } else if (n instanceof Loop l) {
                use(l.lo(), block);
                use(l.hi(), block);
                if (!l.preheader().nodes().isEmpty()) {
                    use(l.lo(), block);   // printed twice: in the guard and in the loop
                    use(l.hi(), block);
                    count(l.preheader());
                }
                count(l.body());
                for (Loop.Reduction r : l.reductions()) {
                    use(r.init(), block);
                    use(accumulated(r.delta()), l.body());
                }
                for (Loop.Carried c : l.carried()) {
                    use(c.init(), block);
                    use(c.next(), l.body());
                }
            } else if (n instanceof If i) {
                use(i.cond(), block);
                count(i.then());
                count(i.otherwise());
                for (If.Phi p : i.phis()) {
                    use(p.whenTrue(), i.then());
                    use(p.whenFalse(), i.otherwise());
                }
            }
        }
    }

    private void use(Value v, Block where) {
        uses.merge(v, 1, Integer::sum);
        useBlock.put(v, where);
    }
}
