package dev.wengert.codegen.ir;

import java.util.List;

/**
 * An SSA value: defined once, by its own statement in a block, by a loop or if node, or free
 * (literals and fields). Identity is object identity; the {@link Builder} shares equal values.
 */
public final class Value implements Node {
    private final int id;
    private final Op op;
    private final Type type;
    private final List<Value> args;
    private final Object payload;
    private String nameHint;

    Value(int id, Op op, Type type, List<Value> args, Object payload) {
        this.id = id;
        this.op = op;
        this.type = type;
        this.args = List.copyOf(args);
        this.payload = payload;
    }

    /** A number unique within one builder, in creation order. */
    public int id() {
        return id;
    }

    public Op op() {
        return op;
    }

    public Type type() {
        return type;
    }

    public List<Value> args() {
        return args;
    }

    public Value arg(int i) {
        return args.get(i);
    }

    /** Literal, ArrayRef, ElementaryFunction or field name, depending on {@link #op()}. */
    public Object payload() {
        return payload;
    }

    /** A readable name for the emitter (a source variable name), or null. */
    public String nameHint() {
        return nameHint;
    }

    /** Sets the name hint unless one is set already (the first, most specific name wins). */
    public void suggestName(String name) {
        if (nameHint == null && !op.isFree()) {
            nameHint = name;
        }
    }

    /** True if this is the literal {@code c} (int and double literals compare numerically). */
    public boolean isConstant(double c) {
        return op == Op.CONST && payload instanceof Number n && n.doubleValue() == c
                && !(c == 0 && payload instanceof Double d && Double.doubleToRawLongBits(d) != 0);
    }

    /** The literal as a double; only for numeric constants. */
    public double constant() {
        return ((Number) payload).doubleValue();
    }

    @Override
    public String toString() {
        return op == Op.CONST ? String.valueOf(payload) : op + "#" + id + (nameHint == null ? "" : "(" + nameHint + ")");
    }
}
