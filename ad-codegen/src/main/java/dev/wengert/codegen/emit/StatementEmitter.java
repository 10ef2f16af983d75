package dev.wengert.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.MathFn;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prints an optimised IR program as Java statements. It decides only presentation: which values
 * get a named local (every value used more than once, in another block, or named in the source)
 * and which are written inline into their single use, and where parentheses go. No arithmetic
 * happens here.
 */
public final class StatementEmitter {
    private static final int SELECT = 0;
    private static final int PRIMARY = 8;

    private final Names names;
    private final Map<Value, String> local = new IdentityHashMap<>();
    private final Map<Value, Integer> uses = new IdentityHashMap<>();
    private final Map<Value, Block> useBlock = new IdentityHashMap<>();
    private final Map<Value, Block> defBlock = new IdentityHashMap<>();
    private final CodeBlock.Builder out = CodeBlock.builder();

    private StatementEmitter(Set<String> reserved) {
        this.names = new Names(reserved);
    }

    /** The statements of {@code p}, ending with {@code return result;} if it has a result. */
    public static CodeBlock emit(Program p, Set<String> reserved) {
        StatementEmitter e = new StatementEmitter(reserved);
        e.countUses(p.body());
        if (p.result() != null) {
            e.use(p.result(), p.body());
        }
        e.block(p.body());
        if (p.result() != null) {
            e.out.addStatement("return $L", e.expr(p.result(), 0));
        }
        return e.out.build();
    }

    // ---- use analysis (decides inlining) ----

    private void countUses(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                    defBlock.put(v, block);
                    v.args().forEach(a -> use(a, block));
            } else if (n instanceof Scatter s) {
                    use(s.index(), block);
                    use(s.value(), block);
            } else if (n instanceof Loop l) {
                    use(l.lo(), block);
                    use(l.hi(), block);
                    countUses(l.body());
                    for (Loop.Reduction r : l.reductions()) {
                        use(r.init(), block);
                        use(r.delta(), l.body());
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

    private void use(Value v, Block where) {
        uses.merge(v, 1, Integer::sum);
        useBlock.put(v, where);
    }

    private boolean inlined(Value v) {
        return !v.op().isFree() && !v.op().isDefinedByNode() && v.nameHint() == null
                && uses.getOrDefault(v, 0) == 1 && useBlock.get(v) == defBlock.get(v);
    }

    // ---- statements ----

    private void block(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v) {
                    if (!inlined(v)) {
                        String name = declare(v);
                        out.addStatement("$L $L = $L", javaType(v.type()), name, expr(v, 0, true));
                    }
            } else if (n instanceof Scatter s) {
                if (s.value().op() == Op.NEG && inlined(s.value())) {
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
        String i = declare(l.index());
        String cmp = l.inclusive() ? "<=" : "<";
        String step = l.step() == 1 ? i + "++" : i + " += " + l.step();
        out.beginControlFlow("for (int $L = $L; $L $L $L; $L)", i, expr(l.lo(), 0), i, cmp, expr(l.hi(), 5), step);
        block(l.body());
        for (Loop.Reduction r : l.reductions()) {
            Value d = r.delta();
            if (d.op() == Op.NEG && inlined(d)) {
                out.addStatement("$L -= $L", local.get(r.result()), expr(d.arg(0), 0));
            } else {
                out.addStatement("$L += $L", local.get(r.result()), expr(d, 0));
            }
        }
        out.endControlFlow();
    }

    private void conditional(If node) {
        for (If.Phi p : node.phis()) {
            out.addStatement("$L $L", javaType(p.result().type()), declare(p.result()));
        }
        boolean thenEmpty = node.then().nodes().isEmpty() && node.phis().isEmpty();
        boolean elseEmpty = node.otherwise().nodes().isEmpty() && node.phis().isEmpty();
        if (thenEmpty) {
            out.beginControlFlow("if (!$L)", expr(node.cond(), PRIMARY));
            block(node.otherwise());
            out.endControlFlow();
            return;
        }
        out.beginControlFlow("if ($L)", expr(node.cond(), 0));
        block(node.then());
        for (If.Phi p : node.phis()) {
            out.addStatement("$L = $L", local.get(p.result()), expr(p.whenTrue(), 0));
        }
        if (!elseEmpty) {
            out.nextControlFlow("else");
            block(node.otherwise());
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
        StringBuilder s = new StringBuilder("Math.").append(((MathFn) v.payload()).javaName()).append('(');
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
            Map.entry(Op.SELECT, SELECT)));

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
