package dev.wengert.codegen.ir;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a piece of IR does to work arrays ({@link ArrayRef.Kind#WORK}): which it reads, which it adds into
 * ({@code +=}, which commute with each other) and which it stores into or creates ({@code =}, {@link Alloc}).
 * Two pieces whose effects do not conflict may run in either order, or interleaved: what loop fusion must
 * know before it moves one loop's iterations next to another's.
 *
 * @param reads the work arrays read
 * @param adds the work arrays added into
 * @param stores the work arrays assigned into or created
 */
public record WorkEffects(Set<ArrayRef> reads, Set<ArrayRef> adds, Set<ArrayRef> stores) {

    /** The effects of the nodes, including everything inside their blocks. */
    public static WorkEffects of(List<Node> nodes) {
        WorkEffects e = new WorkEffects(new HashSet<>(), new HashSet<>(), new HashSet<>());
        nodes.forEach(e::collect);
        return e;
    }

    /** The effects of one node. */
    public static WorkEffects of(Node n) {
        return of(List.of(n));
    }

    /** True if the program creates any work array. */
    public static boolean usesWorkArrays(Program p) {
        return !of(p.body().nodes()).stores().isEmpty();
    }

    /**
     * The primal {@code p} with each work array that keeps its zeros without clearing created without
     * clearing: those written only by assignments outside ifs, in a program that does not read x's length.
     * Every int is then the same at each call (ints come from int data, data lengths and loop counters), so
     * each call writes the same elements, and those no write reaches still hold the zeros of the array's
     * creation. Rewrites p in place and returns it.
     */
    public static Program keepsZerosWithoutClearing(Program p) {
        Set<ArrayRef> clear = new HashSet<>();
        boolean[] readsLength = {false};
        scanForClearing(p.body(), false, clear, readsLength);
        List<Node> nodes = p.body().nodes();
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k) instanceof Alloc a && a.clear() && !readsLength[0] && !clear.contains(a.array())) {
                nodes.set(k, new Alloc(a.array(), a.size(), false));
            }
        }
        return p;
    }

    private static void scanForClearing(Block block, boolean inIf, Set<ArrayRef> clear, boolean[] readsLength) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                readsLength[0] |= v.op() == Op.LENGTH && ((ArrayRef) v.payload()).kind() == ArrayRef.Kind.VARIABLE;
            } else if (n instanceof Scatter s && s.target().isWork() && (inIf || !s.assign())) {
                clear.add(s.target());
            } else if (n instanceof Alloc a && inIf) {
                clear.add(a.array());
            } else if (n instanceof Loop l) {
                scanForClearing(l.preheader(), inIf, clear, readsLength);
                scanForClearing(l.body(), inIf, clear, readsLength);
            } else if (n instanceof If i) {
                scanForClearing(i.then(), true, clear, readsLength);
                scanForClearing(i.otherwise(), true, clear, readsLength);
            }
        }
    }

    /** True if none of these effects are seen. */
    public boolean isEmpty() {
        return reads.isEmpty() && adds.isEmpty() && stores.isEmpty();
    }

    /** True if the two may not be reordered: one writes an array the other reads or writes (two adds commute). */
    public boolean conflictsWith(WorkEffects o) {
        return intersects(stores, o.reads) || intersects(stores, o.adds) || intersects(stores, o.stores)
                || intersects(o.stores, reads) || intersects(o.stores, adds)
                || intersects(adds, o.reads) || intersects(o.adds, reads);
    }

    private static boolean intersects(Set<ArrayRef> a, Set<ArrayRef> b) {
        for (ArrayRef r : a) {
            if (b.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private void collect(Node n) {
        if (n instanceof Value v) {
            if (v.op() == Op.READ && ((ArrayRef) v.payload()).isWork()) {
                reads.add((ArrayRef) v.payload());
            }
        } else if (n instanceof Scatter s) {
            if (s.target().isWork()) {
                (s.assign() ? stores : adds).add(s.target());
            }
        } else if (n instanceof Alloc a) {
            stores.add(a.array());
        } else if (n instanceof Loop l) {
            l.preheader().nodes().forEach(this::collect);
            l.body().nodes().forEach(this::collect);
        } else if (n instanceof If i) {
            i.then().nodes().forEach(this::collect);
            i.otherwise().nodes().forEach(this::collect);
        }
    }
}
