package dev.wengert.codegen.derivative;

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
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode by source transformation: the forward program followed by its adjoint, scattering
 * the adjoints of x's elements into g. A reduction loop's adjoint is a loop of the same shape
 * that recomputes the body's forward values and runs the body's reverse sweep, with no tape; the
 * adjoints it produces for values from outside the loop are reductions of that loop. An if's
 * adjoint is an if on the same condition that recomputes and reverses the taken branch.
 */
final class ReverseMode {
    private final Builder b = new Builder();
    private final Copier copier = new Copier(b);
    private final Set<Value> active;
    private final ArrayRef gradient;

    private ReverseMode(Set<Value> active, ArrayRef gradient) {
        this.active = active;
        this.gradient = gradient;
    }

    /** The program that returns f(x) and adds its gradient into {@code gradient}. */
    static Program gradient(Program primal, ArrayRef gradient) {
        ReverseMode r = new ReverseMode(Activity.of(primal), gradient);
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
            } else if (nodes.get(k) instanceof Scatter) {
                throw new IllegalStateException("primal programs do not scatter");
            }
        }
    }

    private void reverseValue(Value v, ValueMap fwd, Adjoints adj) {
        Value a = adj.get(v);
        if (a == null || !active.contains(v) || v.op().isDefinedByNode()) {
            return;
        }
        if (v.op() == Op.READ) {
            if (Activity.isVariableRead(v)) {
                b.scatter(gradient, copier.get(fwd, v.arg(0)), a);
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

    private void reverseLoop(Loop l, ValueMap fwd, Adjoints adj) {
        Adjoints local = new Adjoints();
        for (Loop.Reduction r : l.reductions()) {
            Value a = adj.get(r.result());
            if (a != null && active.contains(r.result())) {
                if (active.contains(r.init())) {
                    adj.add(b, r.init(), a);
                }
                if (active.contains(r.delta())) {
                    local.add(b, r.delta(), a);
                }
            }
        }
        if (local.entries().isEmpty()) {
            return;
        }
        Loop adjointLoop = b.beginLoop(copier.get(fwd, l.lo()), copier.get(fwd, l.hi()), l.inclusive(), l.step(),
                l.index().nameHint());
        ValueMap inner = fwd.child();
        inner.put(l.index(), adjointLoop.index());
        copier.copyBlock(l.preheader(), inner);   // recompute the iteration's forward values
        copier.copyBlock(l.body(), inner);
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
        if (thenSeeds.entries().isEmpty() && elseSeeds.entries().isEmpty()) {
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
        copier.copyBlock(branch, map);
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
