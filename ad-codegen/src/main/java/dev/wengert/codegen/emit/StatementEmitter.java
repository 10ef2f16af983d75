package dev.wengert.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.wengert.ad.rules.ElementaryFunction;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Prints an optimised IR program as Java statements. It decides only presentation: which values
 * get a named local (every value used more than once, in another block, or named in the source)
 * and which are written inline into their single use, where parentheses go, and where a long
 * body is split into private methods so that each stays well below HotSpot's 8000-byte JIT limit.
 * No arithmetic happens here.
 */
public final class StatementEmitter {
    private static final int SELECT = 0;
    private static final int PRIMARY = 8;
    /** Values handed to a split-off method as parameters; more go through the frame array. */
    private static final int MAX_PARAMETERS = 100;

    /** What all the emitters of one generated method share: use counts and inlining decisions. */
    private static final class Analysis {
        final Map<Value, Integer> uses = new IdentityHashMap<>();
        final Map<Value, Block> useBlock = new IdentityHashMap<>();
        final Map<Value, Block> defBlock = new IdentityHashMap<>();
        /** Values a split-off method hands back: never written inline into a later chunk. */
        final Set<Value> handedOver = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Where in the per-thread frame array each handed-over value lives. */
        final Map<Value, Integer> frameSlot = new IdentityHashMap<>();
    }

    /** The method being emitted: its name, its array parameters, reserved names, and where split-off methods go. */
    private record Context(String method, List<String> arrays, Set<String> reserved, MethodSink sink) {
    }

    private final Analysis analysis;
    private final Context context;
    private final Names names;
    private final Map<Value, String> local = new IdentityHashMap<>();
    private final CodeBlock.Builder out = CodeBlock.builder();

    private StatementEmitter(Analysis analysis, Context context, Set<String> moreReserved) {
        this.analysis = analysis;
        this.context = context;
        Set<String> reserved = new java.util.HashSet<>(context.reserved());
        reserved.addAll(moreReserved);
        this.names = new Names(reserved);
    }

    /**
     * The statements of {@code p}, ending with {@code return result;} if it has a result. Bodies
     * estimated above {@link Size#BUDGET} are split into private methods added to {@code sink}.
     */
    static CodeBlock emit(Program p, String method, List<String> arrays, Set<String> reserved, MethodSink sink) {
        Analysis a = new Analysis();
        Set<String> all = new java.util.HashSet<>(reserved);
        all.addAll(arrays);
        StatementEmitter e = new StatementEmitter(a, new Context(method, arrays, all, sink), Set.of());
        e.countUses(p.body());
        List<Value> exit = new ArrayList<>();
        if (p.result() != null) {
            e.use(p.result(), p.body());
            exit.add(p.result());
        }
        e.block(p.body(), exit);
        if (p.result() != null) {
            e.out.addStatement("return $L", e.expr(p.result(), 0));
        }
        return e.out.build();
    }

    // ---- use analysis (decides inlining) ----

    private void countUses(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                analysis.defBlock.put(v, block);
                v.args().forEach(a -> use(a, block));
            } else if (n instanceof Scatter s) {
                use(s.index(), block);
                if (s.assign()) {
                    use(s.value(), block);
                } else {
                    useAccumulated(s.value(), block);
                }
            } else if (n instanceof Loop l) {
                use(l.lo(), block);
                use(l.hi(), block);
                if (!l.preheader().nodes().isEmpty()) {
                    use(l.lo(), block);   // printed twice: in the guard and in the loop
                    use(l.hi(), block);
                    countUses(l.preheader());
                }
                countUses(l.body());
                for (Loop.Reduction r : l.reductions()) {
                    use(r.init(), block);
                    useAccumulated(r.delta(), l.body());
                }
            } else if (n instanceof If i) {
                use(i.cond(), block);
                countUses(i.then());
                countUses(i.otherwise());
                for (If.Phi p : i.phis()) {
                    use(p.whenTrue(), i.then());
                    use(p.whenFalse(), i.otherwise());
                }
            }
        }
    }

    /** An accumulated value: a negation is printed as {@code -=} of its operand. */
    private void useAccumulated(Value v, Block where) {
        use(accumulated(v), where);
    }

    private void use(Value v, Block where) {
        analysis.uses.merge(v, 1, Integer::sum);
        analysis.useBlock.put(v, where);
    }

    private boolean inlined(Value v) {
        return !v.op().isFree() && !v.op().isDefinedByNode() && v.nameHint() == null
                && analysis.uses.getOrDefault(v, 0) == 1 && analysis.useBlock.get(v) == analysis.defBlock.get(v)
                && !analysis.handedOver.contains(v);
    }

    // ---- statements ----

    /** Emits a block; {@code exitUses} are the values read when it ends (reduction deltas, phi sides, the result). */
    private void block(Block block, List<Value> exitUses) {
        if (Size.of(block) <= Size.BUDGET) {
            nodes(block.nodes());
            return;
        }
        // Split into chunks, each its own private method. Values one chunk hands to a later one
        // live in the per-thread frame array, so the calling method stays a short list of calls.
        List<List<Node>> chunks = partition(block.nodes());
        Set<Value> callerUses = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        callerUses.addAll(exitUses);
        for (List<Node> chunk : chunks) {
            if (keptInline(chunk)) {
                callerUses.addAll(printedFreeUses(chunk));
            }
        }
        int start = 0;
        List<List<Value>> handed = new ArrayList<>();
        for (List<Node> chunk : chunks) {
            start += chunk.size();
            Set<Value> liveAfter = printedFreeUses(block.nodes().subList(start, block.nodes().size()));
            liveAfter.addAll(exitUses);
            List<Value> outs = new ArrayList<>();
            if (!keptInline(chunk)) {
                for (Node n : chunk) {
                    for (Value d : UseDef.definedAtTop(n)) {
                        if (liveAfter.contains(d)) {
                            outs.add(d);
                            analysis.handedOver.add(d);
                            analysis.frameSlot.put(d, analysis.frameSlot.size());
                        }
                    }
                }
            }
            handed.add(outs);
        }
        context.sink().requireSpill(analysis.frameSlot.size());
        for (int k = 0; k < chunks.size(); k++) {
            List<Node> chunk = chunks.get(k);
            if (keptInline(chunk)) {
                nodes(chunk);
            } else {
                outline(chunk, handed.get(k), callerUses);
            }
        }
    }

    /** A chunk of a single loop or if stays in place: its own blocks split themselves. */
    private static boolean keptInline(List<Node> chunk) {
        return chunk.size() == 1 && !(chunk.get(0) instanceof Value) && !(chunk.get(0) instanceof Scatter);
    }

    private static List<List<Node>> partition(List<Node> nodes) {
        List<List<Node>> chunks = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        int size = 0;
        for (Node n : nodes) {
            int s = Size.of(n);
            if (!current.isEmpty() && size + s > Size.BUDGET) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(n);
            size += s;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * The values that printing these nodes reads from outside them: an accumulation of {@code -a}
     * reads {@code a} (it is printed {@code -= a}).
     */
    private static Set<Value> printedFreeUses(List<Node> nodes) {
        return UseDef.freeUses(nodes, StatementEmitter::accumulated);
    }

    private static Value accumulated(Value v) {
        return v.op() == Op.NEG ? v.arg(0) : v;
    }

    /** Moves a chunk of nodes into a private method of its own and calls it. */
    private void outline(List<Node> chunk, List<Value> outs, Set<Value> callerUses) {
        List<Value> ins = new ArrayList<>(printedFreeUses(chunk));
        ins.removeIf(v -> v.op().isFree());
        ins.sort(java.util.Comparator.comparingInt(Value::id));
        String name = context.sink().freshName(context.method());
        Set<String> calleeReserved = new java.util.HashSet<>();
        for (Value v : ins) {
            if (local.containsKey(v)) {
                calleeReserved.add(local.get(v));
            }
        }
        StatementEmitter callee = new StatementEmitter(analysis, context, calleeReserved);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(void.class);
        List<String> args = new ArrayList<>();
        for (String a : context.arrays()) {
            m.addParameter(double[].class, a);
            args.add(a);
        }
        String frame = null;
        for (Value v : ins) {
            String caller = local.get(v);
            if (caller != null && args.size() < MAX_PARAMETERS) {
                m.addParameter(javaClass(v.type()), caller);
                args.add(caller);
                callee.local.put(v, caller);
                continue;
            }
            Integer slot = analysis.frameSlot.get(v);
            if (slot == null) {
                // too many parameters: hand this caller local over through the frame as well
                slot = analysis.frameSlot.size();
                analysis.frameSlot.put(v, slot);
                context.sink().requireSpill(slot + 1);
                out.addStatement("$L.get()[$L] = $L", MethodSink.SPILL, slot, toSpill(v, expr(v, 0)));
            }
            if (frame == null) {
                frame = callee.names.fresh("frame");
                callee.out.addStatement("double[] $L = $L.get()", frame, MethodSink.SPILL);
            }
            String n = callee.declare(v);
            callee.out.addStatement("$L $L = $L", javaType(v.type()), n, fromSpill(v.type(), frame + "[" + slot + "]"));
        }
        callee.nodes(chunk);
        if (!outs.isEmpty() && frame == null) {
            frame = callee.names.fresh("frame");
            callee.out.addStatement("double[] $L = $L.get()", frame, MethodSink.SPILL);
        }
        for (Value v : outs) {
            callee.out.addStatement("$L[$L] = $L", frame, analysis.frameSlot.get(v), toSpill(v, callee.expr(v, 0)));
        }
        out.addStatement("$L($L)", name, String.join(", ", args));
        for (Value v : outs) {
            if (callerUses.contains(v)) {
                out.addStatement("$L $L = $L", javaType(v.type()), declare(v),
                        fromSpill(v.type(), MethodSink.SPILL + ".get()[" + analysis.frameSlot.get(v) + "]"));
            }
        }
        m.addCode(callee.out.build());
        context.sink().add(m.build());
    }

    private String nameOf(Value v) {
        String n = local.get(v);
        if (n == null) {
            throw new IllegalStateException("value handed to a split-off method has no name: " + v);
        }
        return n;
    }

    private static String toSpill(Value v, String expr) {
        return v.type() == Type.BOOLEAN ? expr + " ? 1.0 : 0.0" : expr;
    }

    private static String fromSpill(Type t, String read) {
        return switch (t) {
            case DOUBLE -> read;
            case INT -> "(int) " + read;
            case BOOLEAN -> read + " != 0.0";
        };
    }

    private static Class<?> javaClass(Type t) {
        return switch (t) {
            case INT -> int.class;
            case DOUBLE -> double.class;
            case BOOLEAN -> boolean.class;
        };
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Value v) {
                if (!inlined(v) && analysis.uses.containsKey(v)) {   // unused: only ever printed as -=
                    String name = declare(v);
                    out.addStatement("$L $L = $L", javaType(v.type()), name, expr(v, 0, true));
                }
            } else if (n instanceof Scatter s) {
                if (s.assign()) {
                    out.addStatement("$L[$L] = $L", s.target().name(), expr(s.index(), 0), expr(s.value(), 0));
                } else if (s.value().op() == Op.NEG) {   // the JIT does not turn += -a into -= a
                    out.addStatement("$L[$L] -= $L", s.target().name(), expr(s.index(), 0), expr(s.value().arg(0), 0));
                } else {
                    out.addStatement("$L[$L] += $L", s.target().name(), expr(s.index(), 0), expr(s.value(), 0));
                }
            } else if (n instanceof Loop l) {
                loop(l);
            } else if (n instanceof If i) {
                conditional(i);
            }
        }
    }

    private void loop(Loop l) {
        for (Loop.Reduction r : l.reductions()) {
            out.addStatement("double $L = $L", declare(r.result()), expr(r.init(), 0));
        }
        String cmp = l.inclusive() ? "<=" : "<";
        boolean guarded = !l.preheader().nodes().isEmpty();
        if (guarded) {
            // the invariant reads run only if the loop does, so they cannot fail where the source would not
            out.beginControlFlow("if ($L $L $L)", expr(l.lo(), 5), cmp, expr(l.hi(), 5));
            nodes(l.preheader().nodes());
        }
        String i = declare(l.index());
        String step = l.step() == 1 ? i + "++" : i + " += " + l.step();
        out.beginControlFlow("for (int $L = $L; $L $L $L; $L)", i, expr(l.lo(), 0), i, cmp, expr(l.hi(), 5), step);
        // the loop reads what the accumulations below print: for a delta -a that is a, not -a
        block(l.body(), l.reductions().stream().map(r -> accumulated(r.delta())).toList());
        for (Loop.Reduction r : l.reductions()) {
            Value d = r.delta();
            if (d.op() == Op.NEG) {
                out.addStatement("$L -= $L", local.get(r.result()), expr(d.arg(0), 0));
            } else {
                out.addStatement("$L += $L", local.get(r.result()), expr(d, 0));
            }
        }
        out.endControlFlow();
        if (guarded) {
            out.endControlFlow();
        }
    }

    private void conditional(If node) {
        for (If.Phi p : node.phis()) {
            out.addStatement("$L $L", javaType(p.result().type()), declare(p.result()));
        }
        boolean thenEmpty = node.then().nodes().isEmpty() && node.phis().isEmpty();
        boolean elseEmpty = node.otherwise().nodes().isEmpty() && node.phis().isEmpty();
        if (thenEmpty) {
            out.beginControlFlow("if (!$L)", expr(node.cond(), PRIMARY));
            block(node.otherwise(), List.of());
            out.endControlFlow();
            return;
        }
        out.beginControlFlow("if ($L)", expr(node.cond(), 0));
        block(node.then(), node.phis().stream().map(If.Phi::whenTrue).toList());
        for (If.Phi p : node.phis()) {
            out.addStatement("$L = $L", local.get(p.result()), expr(p.whenTrue(), 0));
        }
        if (!elseEmpty) {
            out.nextControlFlow("else");
            block(node.otherwise(), node.phis().stream().map(If.Phi::whenFalse).toList());
            for (If.Phi p : node.phis()) {
                out.addStatement("$L = $L", local.get(p.result()), expr(p.whenFalse(), 0));
            }
        }
        out.endControlFlow();
    }

    private String declare(Value v) {
        String name = names.fresh(v.nameHint());
        local.put(v, name);
        return name;
    }

    private static String javaType(Type t) {
        return switch (t) {
            case INT -> "int";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
        };
    }

    // ---- expressions ----

    private String expr(Value v, int minPrec) {
        return expr(v, minPrec, false);
    }

    /** v as an expression that binds at least as tightly as {@code minPrec}. */
    private String expr(Value v, int minPrec, boolean definition) {
        if (!definition) {
            String name = local.get(v);
            if (name != null) {
                return name;
            }
            if (v.op() != Op.CONST && v.op() != Op.PARAM && !inlined(v)) {
                throw new IllegalStateException("value used before it is defined: " + v);
            }
        }
        int prec = precedence(v);
        String s = text(v);
        return prec < minPrec ? "(" + s + ")" : s;
    }

    private String text(Value v) {
        return switch (v.op()) {
            case CONST -> literal(v.payload());
            case PARAM -> (String) v.payload();
            case LENGTH -> ((ArrayRef) v.payload()).name() + ".length";
            case READ -> ((ArrayRef) v.payload()).name() + "[" + expr(v.arg(0), 0) + "]";
            case NEG -> "-" + expr(v.arg(0), PRIMARY);
            case NOT -> "!" + expr(v.arg(0), PRIMARY);
            case TO_DOUBLE -> "(double) " + expr(v.arg(0), PRIMARY);
            case ADD -> binary(v, " + ");
            case SUB -> binary(v, " - ");
            case MUL -> binary(v, " * ");
            case DIV -> binary(v, " / ");
            case REM -> binary(v, " % ");
            case AND -> binary(v, " && ");
            case OR -> binary(v, " || ");
            case LT -> binary(v, " < ");
            case LE -> binary(v, " <= ");
            case GT -> binary(v, " > ");
            case GE -> binary(v, " >= ");
            case EQ -> binary(v, " == ");
            case NE -> binary(v, " != ");
            case SELECT -> expr(v.arg(0), 1) + " ? " + expr(v.arg(1), 1) + " : " + expr(v.arg(2), 1);
            case AZMUL -> expr(v.arg(1), 4) + " == 0.0 ? 0.0 : " + expr(v.arg(0), 6) + " * " + expr(v.arg(1), 7);
            case CALL -> call(v);
            case LOOP_INDEX, LOOP_RESULT, PHI -> throw new IllegalStateException("unnamed " + v);
        };
    }

    private String binary(Value v, String operator) {
        int p = precedence(v);
        // left-associative: the right operand must bind tighter (a - (b - c), a + (b + c) keep
        // their parentheses, which matters for floating-point results)
        return expr(v.arg(0), p) + operator + expr(v.arg(1), p + 1);
    }

    private String call(Value v) {
        StringBuilder s = new StringBuilder("Math.").append(((ElementaryFunction) v.payload()).javaName()).append('(');
        for (int k = 0; k < v.args().size(); k++) {
            s.append(k == 0 ? "" : ", ").append(expr(v.arg(k), 0));
        }
        return s.append(')').toString();
    }

    private static final Map<Op, Integer> PRECEDENCE = new HashMap<>(Map.ofEntries(
            Map.entry(Op.OR, 1), Map.entry(Op.AND, 2), Map.entry(Op.EQ, 3), Map.entry(Op.NE, 3),
            Map.entry(Op.LT, 4), Map.entry(Op.LE, 4), Map.entry(Op.GT, 4), Map.entry(Op.GE, 4),
            Map.entry(Op.ADD, 5), Map.entry(Op.SUB, 5), Map.entry(Op.MUL, 6), Map.entry(Op.DIV, 6),
            Map.entry(Op.REM, 6), Map.entry(Op.NEG, 7), Map.entry(Op.NOT, 7), Map.entry(Op.TO_DOUBLE, 7),
            Map.entry(Op.SELECT, SELECT), Map.entry(Op.AZMUL, SELECT)));

    /** How tightly the printed text of v binds (its own operator, not its name). */
    private static int precedence(Value v) {
        if (v.op() == Op.CONST) {
            return v.payload() instanceof Number n && (n.doubleValue() < 0 || isNegativeZero(n)) ? 7 : PRIMARY;
        }
        return PRECEDENCE.getOrDefault(v.op(), PRIMARY);
    }

    private static boolean isNegativeZero(Number n) {
        return n instanceof Double d && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
    }

    private static String literal(Object c) {
        if (c instanceof Double d) {
            if (d.isNaN()) {
                return "Double.NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
            }
            return Double.toString(d);
        }
        return String.valueOf(c);
    }
}
