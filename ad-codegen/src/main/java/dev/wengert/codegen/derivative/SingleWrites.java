package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work array assignments whose adjoint need not clear the adjoint of the element it reads. The adjoint
 * of {@code u[k] = e} clears {@code uBar[k]} so that a write of the same element that ran earlier, and is
 * reversed later, gets nothing of the overwritten value. Adjoint arrays are cleared when a call creates them
 * and are read only by those reversals, so the clear is dead for an assignment that runs before every other
 * write of its array and writes each element at most once:
 * <ul>
 * <li>the first top-level statement that writes the array writes it at this one place (so every other write
 *     runs later and is reversed earlier), and</li>
 * <li>the index is an injective function of the counters of the enclosing loops: {@code c0 + c1 i1 + ... + cd id}
 *     with step-1 loops over bounds fixed before the statement, and, taking the loops by increasing
 *     coefficient, each coefficient greater than the largest offset the loops before it reach
 *     ({@code u[i * w + j]} for {@code j < m} and {@code w = m + 1}: w > 1 * (m - 1)).</li>
 * </ul>
 * Coefficients and bounds are compared as linear forms over the loop-invariant ints (fields, lengths) with
 * integer coefficients; a comparison that is not decided by its constant term is taken as failed, and so is
 * every index this does not understand, which keeps the clear.
 *
 * <pre>{@code
 * Set<Scatter> unclearedWrites = SingleWrites.of(primal);
 * }</pre>
 */
final class SingleWrites {
    private SingleWrites() {
    }

    /**
     * The assignments of {@code primal} (by identity) whose adjoint need not clear.
     *
     * @param primal the function's program
     * @return the assignments, by identity
     */
    static Set<Scatter> of(Program primal) {
        Set<Scatter> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<ArrayRef> seen = new HashSet<>();
        for (Node top : primal.body().nodes()) {
            Map<ArrayRef, List<Scatter>> writes = new HashMap<>();
            Map<Scatter, List<Loop>> nests = new IdentityHashMap<>();
            collect(top, new ArrayList<>(), writes, nests);
            Set<Value> inside = null;   // the values top defines, worked out for the first candidate
            for (Map.Entry<ArrayRef, List<Scatter>> e : writes.entrySet()) {
                if (!seen.add(e.getKey())) continue;   // not the first statement writing the array
                if (e.getValue().size() != 1) continue;
                Scatter s = e.getValue().get(0);
                if (!s.target().isWork() || !s.assign() || s.bySlot() || s.byEntry()) continue;
                if (inside == null) inside = UseDef.definitions(top);
                if (injective(s.index(), nests.get(s), inside)) out.add(s);
            }
        }
        return out;
    }

    private static void collect(Node n, List<Loop> loops, Map<ArrayRef, List<Scatter>> writes,
                                Map<Scatter, List<Loop>> nests) {
        if (n instanceof Scatter s) {
            writes.computeIfAbsent(s.target(), a -> new ArrayList<>()).add(s);
            nests.put(s, List.copyOf(loops));
        } else if (n instanceof Loop l) {
            loops.add(l);
            collectAll(l.preheader(), loops, writes, nests);
            collectAll(l.body(), loops, writes, nests);
            loops.remove(loops.size() - 1);
        } else if (n instanceof If i) {
            collectAll(i.then(), loops, writes, nests);
            collectAll(i.otherwise(), loops, writes, nests);
        }
    }

    private static void collectAll(Block block, List<Loop> loops, Map<ArrayRef, List<Scatter>> writes,
                                   Map<Scatter, List<Loop>> nests) {
        for (Node n : block.nodes()) collect(n, loops, writes, nests);
    }

    // ---- the index as c0 + sum of c_L * (counter of L), each c a linear form over invariant ints ----

    private static boolean injective(Value index, List<Loop> loops, Set<Value> inside) {
        Affine a = new Analysis(loops, inside).affine(index);
        if (a == null) return false;
        List<Loop> order = new ArrayList<>();
        for (Loop l : loops) {
            Linear c = a.coefficients.get(l);
            if (c == null || c.isZero()) return false;   // a loop the index does not move along rewrites it
            if (l.step() != 1) return false;
            order.add(l);
        }
        Analysis bounds = new Analysis(List.of(), inside);
        return permutations(order).stream().anyMatch(p -> mixedRadix(p, a, bounds));
    }

    // Taking the loops in this order, is every coefficient greater than the offsets of the loops before it?
    private static boolean mixedRadix(List<Loop> order, Affine a, Analysis bounds) {
        Linear reach = Linear.constant(0);   // the largest offset the loops so far reach, sum of c * (trips - 1)
        for (int k = 0; k < order.size(); k++) {
            Loop l = order.get(k);
            Linear c = a.coefficients.get(l);
            if (!c.minus(reach).minus(Linear.constant(1)).isNonNegativeConstant()) return false;
            if (k == order.size() - 1) return true;   // the last loop's range does not matter
            Affine lo = bounds.affine(l.lo());
            Affine hi = bounds.affine(l.hi());
            if (lo == null || hi == null) return false;   // bounds that move with an enclosing loop
            Linear span = hi.constant.minus(lo.constant).minus(Linear.constant(l.inclusive() ? 0 : 1));
            Linear step = c.times(span);
            if (step == null) return false;
            reach = reach.plus(step);
        }
        return true;
    }

    private static List<List<Loop>> permutations(List<Loop> loops) {
        if (loops.size() <= 1) return List.of(loops);
        if (loops.size() > 4) return List.of(reversed(loops));   // innermost first only: 4! orders at most
        List<List<Loop>> out = new ArrayList<>();
        for (int k = 0; k < loops.size(); k++) {
            List<Loop> rest = new ArrayList<>(loops);
            Loop first = rest.remove(k);
            for (List<Loop> p : permutations(rest)) {
                List<Loop> q = new ArrayList<>();
                q.add(first);
                q.addAll(p);
                out.add(q);
            }
        }
        return out;
    }

    private static List<Loop> reversed(List<Loop> loops) {
        List<Loop> r = new ArrayList<>(loops);
        Collections.reverse(r);
        return r;
    }

    /** An int as a constant part plus, per enclosing loop, a coefficient times its counter. */
    private record Affine(Linear constant, Map<Loop, Linear> coefficients) {
        static Affine of(Linear constant) {
            return new Affine(constant, Map.of());
        }

        Affine plus(Affine o, long sign) {
            Map<Loop, Linear> c = new IdentityHashMap<>(coefficients);
            o.coefficients.forEach((l, x) -> c.merge(l, x.scaled(sign), Linear::plus));
            return new Affine(constant.plus(o.constant.scaled(sign)), c);
        }

        Affine times(Linear factor) {
            Linear k = constant.times(factor);
            if (k == null) return null;
            Map<Loop, Linear> c = new IdentityHashMap<>();
            for (Map.Entry<Loop, Linear> e : coefficients.entrySet()) {
                Linear x = e.getValue().times(factor);
                if (x == null) return null;
                c.put(e.getKey(), x);
            }
            return new Affine(k, c);
        }
    }

    /** The affine form of int values in a loop nest; null for what it does not understand. */
    private static final class Analysis {
        private final List<Loop> loops;
        private final Set<Value> inside;   // values defined in the top-level statement (not invariant)

        Analysis(List<Loop> loops, Set<Value> inside) {
            this.loops = loops;
            this.inside = inside;
        }

        Affine affine(Value v) {
            if (v.type() != Type.INT) return null;
            if (v.op() == Op.CONST) return Affine.of(Linear.constant(((Number) v.payload()).longValue()));
            if (v.op() == Op.LOOP_INDEX) {
                for (Loop l : loops) {
                    if (l.index() == v) return new Affine(Linear.constant(0), Map.of(l, Linear.constant(1)));
                }
                return null;   // a counter of a loop that does not enclose the write (or one in a bound)
            }
            switch (v.op()) {
                case ADD, SUB -> {
                    Affine x = affine(v.arg(0));
                    Affine y = affine(v.arg(1));
                    return x == null || y == null ? null : x.plus(y, v.op() == Op.ADD ? 1 : -1);
                }
                case NEG -> {
                    Affine x = affine(v.arg(0));
                    return x == null ? null : Affine.of(Linear.constant(0)).plus(x, -1);
                }
                case MUL -> {
                    Affine x = affine(v.arg(0));
                    Affine y = affine(v.arg(1));
                    if (x == null || y == null) return null;
                    if (x.coefficients.isEmpty()) return y.times(x.constant);
                    if (y.coefficients.isEmpty()) return x.times(y.constant);
                    return null;
                }
                default -> {
                    // any other int defined before the statement is fixed while it runs: an atom
                    return inside.contains(v) ? null : Affine.of(Linear.atom(atomKey(v)));
                }
            }
        }

        // A field is one atom however many values read it; any other value (compared by identity) is its own.
        private static Object atomKey(Value v) {
            return v.op() == Op.PARAM ? v.payload() : v;
        }
    }

    /**
     * A linear form {@code k + sum of a_t t} over atoms t (loop-invariant ints) with integer coefficients;
     * a product of two atoms is outside it. Values that overflow long are not expected of array indices.
     */
    private record Linear(long constant, Map<Object, Long> terms) {
        static Linear constant(long k) {
            return new Linear(k, Map.of());
        }

        static Linear atom(Object key) {
            return new Linear(0, Map.of(key, 1L));
        }

        boolean isZero() {
            return constant == 0 && terms.isEmpty();
        }

        boolean isNonNegativeConstant() {
            return terms.isEmpty() && constant >= 0;
        }

        Linear plus(Linear o) {
            Map<Object, Long> t = new HashMap<>(terms);
            o.terms.forEach((k, a) -> t.merge(k, a, Long::sum));
            t.values().removeIf(a -> a == 0);
            return new Linear(constant + o.constant, t);
        }

        Linear minus(Linear o) {
            return plus(o.scaled(-1));
        }

        Linear scaled(long s) {
            Map<Object, Long> t = new HashMap<>();
            terms.forEach((k, a) -> t.put(k, a * s));
            t.values().removeIf(a -> a == 0);
            return new Linear(constant * s, t);
        }

        /** The product, or null if both have atoms. */
        Linear times(Linear o) {
            if (o.terms.isEmpty()) return scaled(o.constant);
            if (terms.isEmpty()) return o.scaled(constant);
            return null;
        }
    }
}
