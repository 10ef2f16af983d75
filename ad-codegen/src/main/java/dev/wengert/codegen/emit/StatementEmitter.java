package dev.wengert.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import dev.wengert.codegen.ir.Alloc;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Value;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints an optimised IR program as Java statements: a local per named value ({@link UseAnalysis}
 * decides which), loops, ifs and the scatters into the outputs; blocks too long for the JIT go to
 * {@link MethodSplitter}. It decides only presentation; no arithmetic happens here.
 */
final class StatementEmitter {
    private final MethodSplitter splitter;
    private final UseAnalysis uses;
    private final ArrayNames arrays;
    private final Names names;
    private final Map<Value, String> local = new IdentityHashMap<>();
    private final ExpressionPrinter printer;
    private final CodeBlock.Builder out = CodeBlock.builder();

    private StatementEmitter(MethodSplitter splitter, UseAnalysis uses, ArrayNames arrays, Set<String> reserved) {
        this.splitter = splitter;
        this.uses = uses;
        this.arrays = arrays;
        this.names = new Names(reserved);
        this.printer = new ExpressionPrinter(local::get, uses, arrays);
    }

    /**
     * The statements of {@code p}, ending with {@code return result;} if it has a result. Bodies
     * estimated above {@link Size#BUDGET} are split into private methods added to {@code sink}.
     *
     * @param method the generated method's name (split-off methods are named after it)
     * @param parameters its parameters (split-off methods take them too)
     * @param reserved other names a local may not take (fields, the class)
     */
    static CodeBlock emit(Program p, String method, List<ParameterSpec> parameters, Set<String> reserved,
                          ArrayNames arrays, MethodSink sink) {
        return emit(p, method, parameters, reserved, null, arrays, sink);
    }

    /** As {@link #emit(Program, String, List, Set, ArrayNames, MethodSink)}, counting slots in the int local {@code slot}. */
    static CodeBlock emit(Program p, String method, List<ParameterSpec> parameters, Set<String> reserved, String slot,
                          ArrayNames arrays, MethodSink sink) {
        UseAnalysis uses = UseAnalysis.of(p);
        Set<String> all = new HashSet<>(reserved);
        parameters.forEach(a -> all.add(a.name()));
        if (slot != null) {
            all.add(slot);
        }
        MethodSplitter splitter = new MethodSplitter(method, parameters, all, slot, sink);
        StatementEmitter e = new StatementEmitter(splitter, uses, arrays, all);
        e.block(p.body(), p.result() == null ? List.of() : List.of(p.result()));
        if (p.result() != null) {
            e.out.addStatement("return $L", e.printer.use(p.result()));
        }
        return e.out.build();
    }

    /** An emitter for the body of a method split off this one, whose parameters take {@code reserved}. */
    StatementEmitter callee(Set<String> reserved) {
        Set<String> all = new HashSet<>(splitter.reserved());
        all.addAll(reserved);
        return new StatementEmitter(splitter, uses, arrays, all);
    }

    // ---- what the splitter needs ----

    UseAnalysis uses() {
        return uses;
    }

    /** The local holding v, or null. */
    String nameOf(Value v) {
        return local.get(v);
    }

    /** Names v by an existing local (a parameter of a split-off method). */
    void bind(Value v, String name) {
        local.put(v, name);
    }

    /** A fresh local name for v, now bound to it. */
    String declare(Value v) {
        String name = names.fresh(v.nameHint());
        local.put(v, name);
        return name;
    }

    /** A fresh local name from {@code hint}, bound to nothing. */
    String fresh(String hint) {
        return names.fresh(hint);
    }

    /** v where it is used. */
    CodeBlock use(Value v) {
        return printer.use(v);
    }

    /** Appends one statement. */
    void statement(String format, Object... args) {
        out.addStatement(format, args);
    }

    CodeBlock code() {
        return out.build();
    }

    // ---- statements ----

    /** Emits a block; {@code exitUses} are the values read when it ends (reduction deltas, phi sides, the result). */
    private void block(Block block, List<Value> exitUses) {
        if (Size.of(block) <= Size.BUDGET) {
            nodes(block.nodes());
        } else {
            splitter.split(this, block, exitUses);
        }
    }

    void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Value v) {
                if (!uses.inlined(v) && uses.isUsed(v)) {
                    String name = declare(v);
                    out.addStatement("$T $N = $L", ExpressionPrinter.typeOf(v.type()), name, printer.definition(v));
                }
            } else if (n instanceof Scatter s) {
                scatter(s);
            } else if (n instanceof Alloc a) {
                // the thread's array of this length (cleared: what new double[size] gives), without allocating
                out.addStatement("$L = $N($L, $L)", printer.array(a.array()), a.clear() ? ArrayNames.CLEARED : ArrayNames.SIZED,
                        printer.array(a.array()), printer.use(a.size()));
            } else if (n instanceof Loop l) {
                loop(l);
            } else if (n instanceof If i) {
                conditional(i);
            }
        }
    }

    private void scatter(Scatter s) {
        if (s.bySlot()) {
            boolean negated = s.value().op() == Op.NEG;
            out.addStatement(arrays.addToSlot(s.target(), negated ? "-=" : "+=", printer.use(UseAnalysis.accumulated(s.value()))));
            return;
        }
        if (s.byEntry()) {
            out.addStatement(arrays.addToEntry(s.target(), printer.use(s.index()), printer.use(s.column())));
            return;
        }
        CodeBlock target = printer.array(s.target());
        if (s.assign()) {
            out.addStatement("$L[$L] = $L", target, printer.use(s.index()), printer.use(s.value()));
        } else if (s.value().op() == Op.NEG) {   // the JIT does not turn += -a into -= a
            out.addStatement("$L[$L] -= $L", target, printer.use(s.index()), printer.use(s.value().arg(0)));
        } else {
            out.addStatement("$L[$L] += $L", target, printer.use(s.index()), printer.use(s.value()));
        }
    }

    private void loop(Loop l) {
        for (Loop.Reduction r : l.reductions()) {
            out.addStatement("double $N = $L", declare(r.result()), printer.use(r.init()));
        }
        for (Loop.Carried c : l.carried()) {
            // one local holds the state: at the start of each iteration, and after the loop
            String name = declare(c.result());
            out.addStatement("$T $N = $L", ExpressionPrinter.typeOf(c.result().type()), name, printer.use(c.init()));
            local.put(c.phi(), name);
        }
        String cmp = l.inclusive() ? "<=" : "<";
        boolean guarded = !l.preheader().nodes().isEmpty();
        if (guarded) {
            // the invariant reads run only if the loop does, so they cannot fail where the source would not
            out.beginControlFlow("if ($L $L $L)", printer.use(l.lo(), 5), cmp, printer.use(l.hi(), 5));
            nodes(l.preheader().nodes());
        }
        String i = declare(l.index());
        String step = l.step() == 1 ? i + "++" : i + " += " + l.step();
        out.beginControlFlow("for (int $N = $L; $N $L $L; $L)", i, printer.use(l.lo()), i, cmp, printer.use(l.hi(), 5),
                step);
        // the loop reads what the accumulations below print: for a delta -a that is a, not -a
        List<Value> exits = new java.util.ArrayList<>(l.reductions().stream().map(r -> UseAnalysis.accumulated(r.delta())).toList());
        l.carried().forEach(c -> exits.add(c.next()));
        block(l.body(), exits);
        for (Loop.Reduction r : l.reductions()) {
            Value d = r.delta();
            if (d.op() == Op.NEG) {
                out.addStatement("$N -= $L", local.get(r.result()), printer.use(d.arg(0)));
            } else {
                out.addStatement("$N += $L", local.get(r.result()), printer.use(d));
            }
        }
        carry(l);   // last: the accumulations above may read the state this iteration started with
        out.endControlFlow();
        if (guarded) {
            out.endControlFlow();
        }
    }

    /** The carried state's update at the end of an iteration: all at once, through temporaries when there are several. */
    private void carry(Loop l) {
        List<Loop.Carried> changing = l.carried().stream().filter(c -> c.next() != c.phi()).toList();
        if (changing.size() == 1) {
            Loop.Carried c = changing.get(0);
            out.addStatement("$N = $L", local.get(c.phi()), printer.use(c.next()));
            return;
        }
        List<String> temporaries = new java.util.ArrayList<>();
        for (Loop.Carried c : changing) {
            String t = names.fresh(local.get(c.phi()) + "Next");
            temporaries.add(t);
            out.addStatement("$T $N = $L", ExpressionPrinter.typeOf(c.phi().type()), t, printer.use(c.next()));
        }
        for (int k = 0; k < changing.size(); k++) {
            out.addStatement("$N = $N", local.get(changing.get(k).phi()), temporaries.get(k));
        }
    }

    private void conditional(If node) {
        for (If.Phi p : node.phis()) {
            out.addStatement("$T $N", ExpressionPrinter.typeOf(p.result().type()), declare(p.result()));
        }
        boolean thenEmpty = node.then().nodes().isEmpty() && node.phis().isEmpty();
        boolean elseEmpty = node.otherwise().nodes().isEmpty() && node.phis().isEmpty();
        if (thenEmpty) {
            out.beginControlFlow("if (!$L)", printer.use(node.cond(), ExpressionPrinter.PRIMARY));
            block(node.otherwise(), List.of());
            out.endControlFlow();
            return;
        }
        out.beginControlFlow("if ($L)", printer.use(node.cond()));
        block(node.then(), node.phis().stream().map(If.Phi::whenTrue).toList());
        for (If.Phi p : node.phis()) {
            out.addStatement("$N = $L", local.get(p.result()), printer.use(p.whenTrue()));
        }
        if (!elseEmpty) {
            out.nextControlFlow("else");
            block(node.otherwise(), node.phis().stream().map(If.Phi::whenFalse).toList());
            for (If.Phi p : node.phis()) {
                out.addStatement("$N = $L", local.get(p.result()), printer.use(p.whenFalse()));
            }
        }
        out.endControlFlow();
    }
}
