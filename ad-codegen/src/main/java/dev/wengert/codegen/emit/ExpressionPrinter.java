package dev.wengert.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.wengert.ad.rules.ElementaryFunction;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints IR values as Java expressions: a value with a local is its name, an inlined value its
 * operator applied to its arguments, with the parentheses Java's precedence needs (and those that
 * keep floating-point evaluation order: {@code a - (b - c)}). Types are {@code $T}, so JavaPoet
 * writes the imports.
 */
final class ExpressionPrinter {
    /** The precedence of {@code ?:}, the loosest expression printed. */
    static final int SELECT = 0;
    /** The precedence of a name, a literal, a call or an array read. */
    static final int PRIMARY = 8;

    private static final Map<Op, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry(Op.OR, 1), Map.entry(Op.AND, 2), Map.entry(Op.EQ, 3), Map.entry(Op.NE, 3),
            Map.entry(Op.LT, 4), Map.entry(Op.LE, 4), Map.entry(Op.GT, 4), Map.entry(Op.GE, 4),
            Map.entry(Op.ADD, 5), Map.entry(Op.SUB, 5), Map.entry(Op.MUL, 6), Map.entry(Op.DIV, 6),
            Map.entry(Op.REM, 6), Map.entry(Op.NEG, 7), Map.entry(Op.NOT, 7), Map.entry(Op.TO_DOUBLE, 7),
            Map.entry(Op.SELECT, SELECT), Map.entry(Op.AZMUL, SELECT));

    private final Function<Value, String> local;
    private final UseAnalysis uses;
    private final ArrayNames arrays;

    /** A printer that names values by {@code local} (null: not named) and inlines as {@code uses} decides. */
    ExpressionPrinter(Function<Value, String> local, UseAnalysis uses, ArrayNames arrays) {
        this.local = local;
        this.uses = uses;
        this.arrays = arrays;
    }

    /** The Java type of an IR type. */
    static TypeName typeOf(Type t) {
        return switch (t) {
            case INT -> TypeName.INT;
            case DOUBLE -> TypeName.DOUBLE;
            case BOOLEAN -> TypeName.BOOLEAN;
        };
    }

    /** An array as an expression. */
    CodeBlock array(ArrayRef a) {
        return arrays.of(a);
    }

    /** v where it is used, binding at least as tightly as {@code minPrec}. */
    CodeBlock use(Value v, int minPrec) {
        String name = local.apply(v);
        if (name != null) {
            return CodeBlock.of("$N", name);
        }
        if (v.op() != Op.CONST && v.op() != Op.PARAM && !uses.inlined(v)) {
            throw new IllegalStateException("value used before it is defined: " + v);
        }
        return definition(v, minPrec);
    }

    /** v where it is used, at any precedence. */
    CodeBlock use(Value v) {
        return use(v, SELECT);
    }

    /** The expression that computes v from its arguments (for its declaration), at any precedence. */
    CodeBlock definition(Value v) {
        return definition(v, SELECT);
    }

    private CodeBlock definition(Value v, int minPrec) {
        CodeBlock s = text(v);
        return precedence(v) < minPrec ? CodeBlock.of("($L)", s) : s;
    }

    private CodeBlock text(Value v) {
        return switch (v.op()) {
            case CONST -> literal(v.payload());
            case PARAM -> arrays.of((FieldRef) v.payload());
            case LENGTH -> v.args().isEmpty() ? arrays.length((ArrayRef) v.payload())
                    : CodeBlock.of("$L[$L].length", arrays.of((ArrayRef) v.payload()), use(v.arg(0)));
            case READ -> v.args().size() == 2
                    ? CodeBlock.of("$L[$L][$L]", arrays.of((ArrayRef) v.payload()), use(v.arg(0)), use(v.arg(1)))
                    : CodeBlock.of("$L[$L]", arrays.of((ArrayRef) v.payload()), use(v.arg(0)));
            case NEG -> CodeBlock.of("-$L", use(v.arg(0), PRIMARY));
            case NOT -> CodeBlock.of("!$L", use(v.arg(0), PRIMARY));
            case TO_DOUBLE -> CodeBlock.of("(double) $L", use(v.arg(0), PRIMARY));
            case ADD -> binary(v, "+");
            case SUB -> binary(v, "-");
            case MUL -> binary(v, "*");
            case DIV -> binary(v, "/");
            case REM -> binary(v, "%");
            case AND -> binary(v, "&&");
            case OR -> binary(v, "||");
            case LT -> binary(v, "<");
            case LE -> binary(v, "<=");
            case GT -> binary(v, ">");
            case GE -> binary(v, ">=");
            case EQ -> binary(v, "==");
            case NE -> binary(v, "!=");
            case SELECT -> CodeBlock.of("$L ? $L : $L", use(v.arg(0), 1), use(v.arg(1), 1), use(v.arg(2), 1));
            case AZMUL -> CodeBlock.of("$L == 0.0 ? 0.0 : $L * $L", use(v.arg(1), 4), use(v.arg(0), 6), use(v.arg(1), 7));
            case CALL -> call(v);
            case LOOP_INDEX, LOOP_RESULT, LOOP_CARRIED, PHI -> throw new IllegalStateException("unnamed " + v);
        };
    }

    private CodeBlock binary(Value v, String operator) {
        int p = precedence(v);
        // left-associative: the right operand must bind tighter (a - (b - c), a + (b + c) keep
        // their parentheses, which matters for floating-point results)
        return CodeBlock.of("$L $L $L", use(v.arg(0), p), operator, use(v.arg(1), p + 1));
    }

    private CodeBlock call(Value v) {
        CodeBlock.Builder args = CodeBlock.builder();
        for (int k = 0; k < v.args().size(); k++) {
            args.add(k == 0 ? "$L" : ", $L", use(v.arg(k)));
        }
        return CodeBlock.of("$T.$N($L)", Math.class, ((ElementaryFunction) v.payload()).javaName(), args.build());
    }

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

    private static CodeBlock literal(Object c) {
        if (c instanceof Double d) {
            if (d.isNaN()) {
                return CodeBlock.of("$T.NaN", Double.class);
            }
            if (d.isInfinite()) {
                return CodeBlock.of(d > 0 ? "$T.POSITIVE_INFINITY" : "$T.NEGATIVE_INFINITY", Double.class);
            }
            return CodeBlock.of("$L", Double.toString(d));
        }
        return CodeBlock.of("$L", String.valueOf(c));
    }
}
