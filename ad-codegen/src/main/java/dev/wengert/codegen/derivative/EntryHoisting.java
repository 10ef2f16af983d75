package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Moves every scatter by entry out of the ifs whose condition depends on x: a branch's entry
 * {@code (r, c) += t} becomes {@code (r, c) += b ? t : 0} after the if (then-branch entries first,
 * then the else-branch's). Afterwards the entries a sparse Hessian program adds, and their order,
 * depend on the indices only, so the program that lists them for a given n lists them in the same
 * order for every x: the positions of the entries in the pattern can be worked out once per n.
 */
final class EntryHoisting extends Copier {
    /** An entry added inside a branch on x, waiting for the end of the if. */
    private record Pending(ArrayRef target, Value row, Value column, Value value) {
    }

    private final Set<Value> dependsOnX;
    private final Set<If> onX = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<List<Pending>> branches = new ArrayDeque<>();
    /** Loops and ifs on indices open inside a branch on x: an entry there cannot move out. */
    private int blocking;
    private boolean stuck;
    private boolean nextIfIsOnX;

    private EntryHoisting(Builder b, Set<Value> dependsOnX) {
        super(b);
        this.dependsOnX = dependsOnX;
    }

    /** {@code sparse} with its entries out of the ifs on x, or null where one sits in a loop or an if on indices inside them. */
    static Program apply(Program sparse) {
        Builder b = new Builder();
        EntryHoisting h = new EntryHoisting(b, Activity.dependingOnX(sparse));
        h.copyBlock(sparse.body(), new ValueMap());
        return h.stuck ? null : new Program(b.root(), null);
    }

    @Override
    protected void copyNode(Node n, ValueMap map) {
        if (n instanceof Scatter s && s.byEntry() && !branches.isEmpty()) {
            stuck |= blocking > 0;
            branches.peek().add(new Pending(s.target(), get(map, s.index()), get(map, s.column()), get(map, s.value())));
        } else if (n instanceof Loop && !branches.isEmpty()) {
            blocking++;
            super.copyNode(n, map);
            blocking--;
        } else {
            super.copyNode(n, map);
        }
    }

    @Override
    protected void copyIf(If node, ValueMap map) {
        boolean x = dependsOnX.contains(node.cond());
        boolean blocks = !x && !branches.isEmpty();
        if (blocks) {
            blocking++;
        }
        nextIfIsOnX = x;
        super.copyIf(node, map);
        nextIfIsOnX = false;   // a folded condition copies its branch inline, without entering it
        if (blocks) {
            blocking--;
        }
    }

    @Override
    protected void branchEntered(If copy, boolean then) {
        if (then && nextIfIsOnX) {
            onX.add(copy);
            nextIfIsOnX = false;
        }
        if (onX.contains(copy)) {
            branches.push(new ArrayList<>());
        }
    }

    @Override
    protected void branchesExited(If copy) {
        if (!onX.contains(copy)) {
            return;
        }
        List<Pending> otherwise = branches.pop();
        List<Pending> then = branches.pop();
        Set<Value> inside = UseDef.definitions(copy);
        Value zero = b.constant(0.0);
        for (Pending p : then) {
            add(p, b.phi(copy, p.value(), zero), inside);
        }
        for (Pending p : otherwise) {
            add(p, b.phi(copy, zero, p.value()), inside);
        }
    }

    private void add(Pending p, Value value, Set<Value> inside) {
        if (inside.contains(p.row()) || inside.contains(p.column())) {
            stuck = true;   // the entry's index is computed in the branch: it cannot move out
            return;
        }
        if (branches.isEmpty()) {
            b.scatterEntry(p.target(), p.row(), p.column(), value);
        } else {
            branches.peek().add(new Pending(p.target(), p.row(), p.column(), value));
        }
    }
}
