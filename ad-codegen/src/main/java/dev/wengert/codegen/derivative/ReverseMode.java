package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.Alloc;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import dev.wengert.codegen.ir.WorkEffects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode by source transformation: the forward program followed by its adjoint, scattering
 * the adjoints of x's elements into g. A reduction loop's adjoint is a loop of the same shape
 * that recomputes the body's forward values and runs the body's reverse sweep, with no tape; the
 * adjoints it produces for values from outside the loop are reductions of that loop. An if's
 * adjoint is an if on the same condition that recomputes and reverses the taken branch. A work array gets
 * an adjoint array: a read of {@code u[i]} adds into {@code uBar[i]}, a write takes it back out.
 */
final class ReverseMode {
    private final Builder b = new Builder();
    private final ForwardCopier copier = new ForwardCopier(b);
    private final Set<Value> active;
    private final ArrayRef gradient;
    private final Set<Scatter> unclearedWrites;

    private ReverseMode(Set<Value> active, ArrayRef gradient, Set<Scatter> unclearedWrites) {
        this.active = active;
        this.gradient = gradient;
        this.unclearedWrites = unclearedWrites;
    }

    /** The program that returns f(x) and adds its gradient into {@code gradient}. */
    static Program gradient(Program primal, ArrayRef gradient) {
        ReverseMode r = new ReverseMode(Activity.of(primal), gradient, SingleWrites.of(primal));
        r.copier.reserve(primal);
        ValueMap fwd = new ValueMap();
        r.copier.copyBlock(primal.body(), fwd);
        Adjoints adj = new Adjoints();
        if (r.active.contains(primal.result())) {
            adj.add(r.b, primal.result(), r.b.constant(1.0));
        }
        r.reverse(primal.body(), fwd, adj);
        return new Program(r.b.root(), r.copier.get(fwd, primal.result()));
    }

    private void reverse(Block block, ValueMap fwd, Adjoints adj) {
        List<Node> nodes = block.nodes();
        for (int k = nodes.size() - 1; k >= 0; k--) {
            if (nodes.get(k) instanceof Value v) {
                reverseValue(v, fwd, adj);
            } else if (nodes.get(k) instanceof Loop l) {
                reverseLoop(l, fwd, adj);
            } else if (nodes.get(k) instanceof If i) {
                reverseIf(i, fwd, adj);
            } else if (nodes.get(k) instanceof Scatter s) {
                reverseWrite(s, fwd, adj);
            }
        }
    }

    /**
     * Copies forward code. In the forward sweep it creates each work array's adjoint beside it; while
     * recomputing an iteration's or a branch's values for their adjoint it leaves out the work arrays' writes,
     * which ran once in the forward sweep and must not run again (the arrays hold their final values then,
     * which are the values every read saw, since the front end lets no write follow a read).
     */
    private static final class ForwardCopier extends Copier {
        private boolean recomputing;
        /** The stack of each primal loop with carried state: the state at the start of each iteration. */
        private final Map<Loop, ArrayRef> stacks = new java.util.IdentityHashMap<>();
        private final Set<String> taken = new java.util.HashSet<>();

        ForwardCopier(Builder b) {
            super(b);
        }

        /** Reserves the names of the primal's work arrays (and of their adjoints and tangents). */
        void reserve(Program primal) {
            for (ArrayRef a : WorkEffects.of(primal.body().nodes()).stores()) {
                taken.add(a.sourceName());
            }
        }

        /**
         * A loop with carried state saves the state at the start of each iteration (Tapenade's PUSH), in an
         * array indexed by the iteration, so that its adjoint can run the iterations backwards; the array is
         * a work array of the generated class, reused from call to call. The copies that recompute an enclosing
         * loop's iteration save again: the adjoint of this loop runs right after them.
         */
        @Override
        protected void copyLoop(Loop l, ValueMap map) {
            if (!l.carried().isEmpty()) {
                ArrayRef stack = stacks.computeIfAbsent(l, this::stackName);
                Value trips = b.tripCount(get(map, l.lo()), get(map, l.hi()), l.inclusive(), l.step());
                // every iteration saves its state before the adjoint reads it: no clearing needed
                b.alloc(stack, b.mul(trips, b.constant(l.carried().size())), false);
            }
            super.copyLoop(l, map);
        }

        @Override
        protected void enterLoopBody(Loop original, ValueMap body) {
            ArrayRef stack = stacks.get(original);
            if (stack == null) {
                return;
            }
            Value iteration = iteration(b, original, body.find(original.index()), get(body, original.lo()));
            for (int k = 0; k < original.carried().size(); k++) {
                b.assign(stack, slot(b, original, iteration, k), body.find(original.carried().get(k).phi()));
            }
        }

        private ArrayRef stackName(Loop l) {
            String hint = l.carried().get(0).phi().nameHint();
            String base = (hint == null ? "state" : hint) + "Saved";
            String name = base;
            for (int k = 2; taken.contains(name) || taken.contains(name + "Dot"); k++) {
                name = base + k;
            }
            taken.add(name);
            return ArrayRef.work(name);
        }

        /** Copies {@code block} as a recomputation (no work array writes). */
        void recompute(Block block, ValueMap map) {
            boolean outer = recomputing;
            recomputing = true;
            try {
                copyBlock(block, map);
            } finally {
                recomputing = outer;
            }
        }

        @Override
        protected void copyNode(Node n, ValueMap map) {
            if (recomputing && (n instanceof Scatter || n instanceof Alloc)) {
                return;
            }
            super.copyNode(n, map);
            if (n instanceof Alloc a) {
                b.alloc(a.array().adjoint(), get(map, a.size()));
            }
        }
    }

    /** The number of the iteration whose counter is {@code index}: 0, 1, 2, ... */
    private static Value iteration(Builder b, Loop l, Value index, Value lo) {
        Value span = b.sub(index, lo);
        return l.step() == 1 ? span : b.div(span, b.constant(l.step()));
    }

    /** Where iteration {@code iteration} saves carried state {@code k}. */
    private static Value slot(Builder b, Loop l, Value iteration, int k) {
        return b.add(b.mul(iteration, b.constant(l.carried().size())), b.constant(k));
    }

    /**
     * The adjoint of {@code u[i] = e} takes {@code uBar[i]} into e's adjoint and clears it (the value written
     * before is overwritten, so nothing flows to it: the adjoint loop runs backwards, so the last write of an
     * element gets its adjoint), unless no earlier write can read it ({@link SingleWrites}); that of
     * {@code u[i] += e} takes {@code uBar[i]} and leaves it.
     */
    private void reverseWrite(Scatter s, ValueMap fwd, Adjoints adj) {
        if (!s.target().isWork() || s.bySlot() || s.byEntry()) {
            throw new IllegalStateException("primal programs scatter only into work arrays");
        }
        ArrayRef bar = s.target().adjoint();
        Value index = copier.get(fwd, s.index());
        Value a = b.read(bar, index);
        a.suggestName(bar.sourceName() + "At");
        if (s.assign() && !unclearedWrites.contains(s)) {
            b.assign(bar, index, b.constant(0.0));
        }
        if (active.contains(s.value())) {
            adj.add(b, s.value(), a);
        }
    }

    private static boolean writesWork(Node n) {
        WorkEffects e = WorkEffects.of(n);
        return !e.adds().isEmpty() || !e.stores().isEmpty();
    }

    private void reverseValue(Value v, ValueMap fwd, Adjoints adj) {
        Value a = adj.get(v);
        if (a == null || !active.contains(v) || v.op().isDefinedByNode()) {
            return;
        }
        if (v.op() == Op.READ) {
            if (Activity.isVariableRead(v)) {
                b.scatter(gradient, copier.get(fwd, v.arg(0)), a);
            } else if (Activity.isWorkRead(v)) {
                b.scatter(((ArrayRef) v.payload()).adjoint(), copier.get(fwd, v.arg(0)), a);
            }
            return;
        }
        Rules.Application app = new Rules.Application(v.op(), v.payload(),
                v.args().stream().map(x -> copier.get(fwd, x)).toList(), copier.get(fwd, v));
        for (int i = 0; i < v.args().size(); i++) {
            if (active.contains(v.arg(i))) {
                adj.add(b, v.arg(i), Rules.adjointContribution(b, app, i, a));
            }
        }
    }

    /**
     * The adjoint of a loop with carried state: the iterations backwards, each taking its state at the start
     * from the stack the forward sweep filled (POP), recomputing its values and running its reverse sweep;
     * the adjoint of the state is carried from each iteration to the one before, and after the loop it is
     * the adjoint of the state's initial value.
     */
    private void reverseCarriedLoop(Loop l, ValueMap fwd, Adjoints adj) {
        Adjoints seeds = seedReductions(l, adj);
        List<Value> resultBars = new java.util.ArrayList<>();
        boolean any = !seeds.entries().isEmpty() || writesWork(l);
        for (Loop.Carried c : l.carried()) {
            Value a = active.contains(c.result()) ? adj.get(c.result()) : null;
            resultBars.add(a);
            any |= a != null;
        }
        if (!any) {
            return;
        }
        String name = l.index().nameHint() == null ? "i" : l.index().nameHint();
        Value lo = copier.get(fwd, l.lo());
        Value trips = b.tripCount(lo, copier.get(fwd, l.hi()), l.inclusive(), l.step());
        trips.suggestName(name + "Trips");
        Value lastIteration = b.sub(trips, b.constant(1));
        ArrayRef stack = copier.stacks.get(l);
        Loop adjointLoop = b.beginLoop(b.constant(0), trips, false, 1, name + "Back");
        Value iteration = b.sub(lastIteration, adjointLoop.index());
        Value index = b.add(lo, b.mul(b.constant(l.step()), iteration));
        index.suggestName(name);
        ValueMap inner = fwd.child();
        inner.put(l.index(), index);
        List<Value> barPhis = new java.util.ArrayList<>();
        Adjoints local = new Adjoints();
        seeds.entries().forEach((k, v) -> local.add(b, k, v));
        for (int k = 0; k < l.carried().size(); k++) {
            Loop.Carried c = l.carried().get(k);
            Value saved = b.read(stack, slot(b, l, iteration, k));
            saved.suggestName(c.phi().nameHint());
            inner.put(c.phi(), saved);
            Value bar = b.carriedPhi(adjointLoop, Type.DOUBLE);
            bar.suggestName((c.phi().nameHint() == null ? "state" : c.phi().nameHint()) + "Bar");
            barPhis.add(bar);
            if (active.contains(c.next())) {
                local.add(b, c.next(), bar);
            }
        }
        copier.recompute(l.preheader(), inner);   // recompute the iteration's forward values from its saved state
        copier.recompute(l.body(), inner);
        reverse(l.body(), inner, local);
        reverse(l.preheader(), inner, local);
        List<Value> barNexts = new java.util.ArrayList<>();
        for (Loop.Carried c : l.carried()) {
            Value a = local.get(c.phi());
            barNexts.add(a == null ? b.constant(0.0) : a);
        }
        b.endLoop(adjointLoop);
        for (int k = 0; k < l.carried().size(); k++) {
            Loop.Carried c = l.carried().get(k);
            Value start = resultBars.get(k) == null ? b.constant(0.0) : resultBars.get(k);
            Value initBar = b.carry(adjointLoop, start, barPhis.get(k), barNexts.get(k));
            if (active.contains(c.init())) {
                adj.add(b, c.init(), initBar);
            }
        }
        Set<Value> internal = UseDef.definitions(l);
        for (Map.Entry<Value, Value> e : local.entries().entrySet()) {
            if (!internal.contains(e.getKey())) {
                adj.add(b, e.getKey(), b.reduce(adjointLoop, b.constant(0.0), e.getValue()));
            }
        }
    }

    /**
     * The adjoint of each reduction's result goes to its initial value (outside the loop, into {@code adj})
     * and to its per-iteration term (inside, into the returned adjoints the loop body starts from).
     */
    private Adjoints seedReductions(Loop l, Adjoints adj) {
        Adjoints inside = new Adjoints();
        for (Loop.Reduction r : l.reductions()) {
            Value a = adj.get(r.result());
            if (a != null && active.contains(r.result())) {
                if (active.contains(r.init())) {
                    adj.add(b, r.init(), a);
                }
                if (active.contains(r.delta())) {
                    inside.add(b, r.delta(), a);
                }
            }
        }
        return inside;
    }

    private void reverseLoop(Loop l, ValueMap fwd, Adjoints adj) {
        if (!l.carried().isEmpty()) {
            reverseCarriedLoop(l, fwd, adj);
            return;
        }
        Adjoints local = seedReductions(l, adj);
        if (local.entries().isEmpty() && !writesWork(l)) {
            return;
        }
        ValueMap inner = fwd.child();
        Loop adjointLoop;
        if (WorkEffects.of(l).stores().isEmpty()) {
            adjointLoop = b.beginLoop(copier.get(fwd, l.lo()), copier.get(fwd, l.hi()), l.inclusive(), l.step(),
                    l.index().nameHint());
            inner.put(l.index(), adjointLoop.index());
        } else {
            // the loop overwrites work array elements: its adjoint runs the iterations backwards
            String name = l.index().nameHint() == null ? "i" : l.index().nameHint();
            Value lo = copier.get(fwd, l.lo());
            Value trips = b.tripCount(lo, copier.get(fwd, l.hi()), l.inclusive(), l.step());
            trips.suggestName(name + "Trips");
            Value last = b.add(lo, b.mul(b.constant(l.step()), b.sub(trips, b.constant(1))));
            last.suggestName(name + "Last");
            adjointLoop = b.beginLoop(b.constant(0), trips, false, 1, name + "Back");
            Value index = b.sub(last, b.mul(b.constant(l.step()), adjointLoop.index()));
            index.suggestName(name);
            inner.put(l.index(), index);
        }
        copier.recompute(l.preheader(), inner);   // recompute the iteration's forward values
        copier.recompute(l.body(), inner);
        reverse(l.body(), inner, local);
        reverse(l.preheader(), inner, local);
        b.endLoop(adjointLoop);
        Set<Value> internal = UseDef.definitions(l);
        for (Map.Entry<Value, Value> e : local.entries().entrySet()) {
            if (!internal.contains(e.getKey())) {
                adj.add(b, e.getKey(), b.reduce(adjointLoop, b.constant(0.0), e.getValue()));
            }
        }
    }

    private void reverseIf(If node, ValueMap fwd, Adjoints adj) {
        Adjoints thenSeeds = new Adjoints();
        Adjoints elseSeeds = new Adjoints();
        for (If.Phi p : node.phis()) {
            Value a = adj.get(p.result());
            if (a != null && active.contains(p.result())) {
                if (active.contains(p.whenTrue())) {
                    thenSeeds.add(b, p.whenTrue(), a);
                }
                if (active.contains(p.whenFalse())) {
                    elseSeeds.add(b, p.whenFalse(), a);
                }
            }
        }
        if (thenSeeds.entries().isEmpty() && elseSeeds.entries().isEmpty() && !writesWork(node)) {
            return;
        }
        Value cond = copier.get(fwd, node.cond());
        if (cond.op() == Op.CONST) {
            // the forward copy kept only the taken branch, inline: reverse it inline too
            boolean taken = (Boolean) cond.payload();
            Adjoints seeds = taken ? thenSeeds : elseSeeds;
            seeds.entries().forEach((k, v) -> adj.add(b, k, v));
            reverse(taken ? node.then() : node.otherwise(), fwd, adj);
            return;
        }
        If reversed = b.beginIf(cond);
        Map<Value, Value> fromThen = reverseBranch(node.then(), fwd, thenSeeds);
        b.beginElse(reversed);
        Map<Value, Value> fromElse = reverseBranch(node.otherwise(), fwd, elseSeeds);
        b.endIf(reversed);
        Map<Value, Value[]> merged = new LinkedHashMap<>();
        fromThen.forEach((k, v) -> merged.computeIfAbsent(k, x -> new Value[2])[0] = v);
        fromElse.forEach((k, v) -> merged.computeIfAbsent(k, x -> new Value[2])[1] = v);
        Value zero = b.constant(0.0);
        for (Map.Entry<Value, Value[]> e : merged.entrySet()) {
            Value[] pair = e.getValue();
            adj.add(b, e.getKey(), b.phi(reversed, pair[0] == null ? zero : pair[0], pair[1] == null ? zero : pair[1]));
        }
    }

    /** Recomputes and reverses one branch; returns the adjoints it adds to values from outside. */
    private Map<Value, Value> reverseBranch(Block branch, ValueMap fwd, Adjoints seeds) {
        ValueMap map = fwd.child();
        copier.recompute(branch, map);
        reverse(branch, map, seeds);
        Set<Value> internal = new java.util.HashSet<>();
        for (Node n : branch.nodes()) {
            internal.addAll(UseDef.definitions(n));
        }
        Map<Value, Value> external = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : seeds.entries().entrySet()) {
            if (!internal.contains(e.getKey())) {
                external.put(e.getKey(), e.getValue());
            }
        }
        return external;
    }
}
