package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which values a piece of IR reads from outside itself and which it defines: the one walk over
 * values, scatters, loops (header, preheader, body, reductions) and ifs (condition, branches, phis)
 * that loop fusion, the derivative passes and the emitter all need. Sets are by identity.
 */
public final class UseDef {
    private UseDef() {
    }

    /** Values a node uses (for a loop: header, body, reductions) that it does not define itself. */
    public static Set<Value> freeUses(Node n) {
        return freeUses(List.of(n), UnaryOperator.identity());
    }

    /** Values the nodes of a block use but do not define. */
    public static Set<Value> freeUses(Block block) {
        return freeUses(block.nodes(), UnaryOperator.identity());
    }

    /**
     * Values the nodes use but do not define, where an accumulation ({@code +=} into a scatter or a
     * reduction) of v is taken to read {@code accumulationRead.apply(v)}: the emitter prints an
     * accumulation of {@code -a} as {@code -= a}, which reads a.
     */
    public static Set<Value> freeUses(List<Node> nodes, UnaryOperator<Value> accumulationRead) {
        Set<Value> used = identitySet();
        Set<Value> defined = identitySet();
        for (Node n : nodes) collect(n, used, defined, accumulationRead);
        used.removeAll(defined);
        return used;
    }

    /** Every value a node defines, including everything inside its blocks. */
    public static Set<Value> definitions(Node n) {
        Set<Value> defined = identitySet();
        collect(n, identitySet(), defined, UnaryOperator.identity());
        return defined;
    }

    /**
     * The values a node makes visible to the nodes after it: a value itself, a loop's reduction
     * results, an if's phis (not the values inside their blocks).
     */
    public static List<Value> definedAtTop(Node n) {
        List<Value> out = new ArrayList<>();
        if (n instanceof Value v) {
            out.add(v);
        } else if (n instanceof Loop l) {
            l.reductions().forEach(r -> out.add(r.result()));
            l.carried().forEach(c -> out.add(c.result()));
        } else if (n instanceof If i) {
            i.phis().forEach(p -> out.add(p.result()));
        }
        return out;
    }

    private static Set<Value> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static void collect(Node n, Set<Value> used, Set<Value> defined, UnaryOperator<Value> accumulationRead) {
        if (n instanceof Value v) {
            defined.add(v);
            used.addAll(v.args());
        } else if (n instanceof Scatter s) {
            if (!s.bySlot()) {
                used.add(s.index());
            }
            if (s.byEntry()) {
                used.add(s.column());
            }
            used.add(s.assign() ? s.value() : accumulationRead.apply(s.value()));
        } else if (n instanceof Alloc a) {
            used.add(a.size());
        } else if (n instanceof Loop l) {
            used.add(l.lo());
            used.add(l.hi());
            defined.add(l.index());
            for (Loop.Reduction r : l.reductions()) {
                used.add(r.init());
                used.add(accumulationRead.apply(r.delta()));
                defined.add(r.result());
            }
            for (Loop.Carried c : l.carried()) {
                used.add(c.init());
                used.add(c.next());
                defined.add(c.phi());
                defined.add(c.result());
            }
            l.preheader().nodes().forEach(c -> collect(c, used, defined, accumulationRead));
            l.body().nodes().forEach(c -> collect(c, used, defined, accumulationRead));
        } else if (n instanceof If i) {
            used.add(i.cond());
            for (If.Phi p : i.phis()) {
                used.add(p.whenTrue());
                used.add(p.whenFalse());
                defined.add(p.result());
            }
            i.then().nodes().forEach(c -> collect(c, used, defined, accumulationRead));
            i.otherwise().nodes().forEach(c -> collect(c, used, defined, accumulationRead));
        }
    }
}
