package dev.wengert.codegen.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds IR into nested blocks. Every value goes through {@link Folding} (constant folding and
 * zero/one propagation) and then through hash-consing against the enclosing scopes, so building is
 * also common-subexpression elimination: an equal value already computed in this block or an
 * enclosing one is reused, never recomputed. Rebuilding a program through a fresh builder
 * ({@link Copier}) is therefore the CSE pass.
 */
public final class Builder {

    private record Key(Op op, Type type, List<Integer> args, Object payload) {
    }

    private record Scope(Block block, Map<Key, Value> table) {
    }

    private final Block root = new Block();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Map<Key, Value> free = new HashMap<>();
    private int nextId;

    /** A builder whose current block is a fresh root block. */
    public Builder() {
        scopes.push(new Scope(root, new HashMap<>()));
    }

    /** The block values are currently appended to. */
    public Block currentBlock() {
        return scopes.peek().block();
    }

    /** The outermost block. */
    public Block root() {
        return root;
    }

    // ---- literals and free values ----

    public Value constant(double c) {
        return freeValue(Op.CONST, Type.DOUBLE, c);
    }

    public Value constant(int c) {
        return freeValue(Op.CONST, Type.INT, c);
    }

    public Value bool(boolean c) {
        return freeValue(Op.CONST, Type.BOOLEAN, c);
    }

    /** A scalar field of the generated class or a static field, printed as {@code name}. */
    public Value param(String name, Type type) {
        return freeValue(Op.PARAM, type, name);
    }

    /** The zero of a type. */
    public Value zero(Type type) {
        return type == Type.INT ? constant(0) : constant(0.0);
    }

    private Value freeValue(Op op, Type type, Object payload) {
        return free.computeIfAbsent(new Key(op, type, List.of(), payload),
                k -> new Value(nextId++, op, type, List.of(), payload));
    }

    // ---- arrays ----

    public Value length(ArrayRef array) {
        return make(Op.LENGTH, Type.INT, List.of(), array);
    }

    public Value read(ArrayRef array, Value index) {
        requireType(index, Type.INT);
        return make(Op.READ, Type.DOUBLE, List.of(index), array);
    }

    // ---- arithmetic and logic ----

    public Value neg(Value a) {
        return make(Op.NEG, a.type(), List.of(a), null);
    }

    public Value add(Value a, Value b) {
        return arith(Op.ADD, a, b);
    }

    public Value sub(Value a, Value b) {
        return arith(Op.SUB, a, b);
    }

    public Value mul(Value a, Value b) {
        return arith(Op.MUL, a, b);
    }

    public Value div(Value a, Value b) {
        return arith(Op.DIV, a, b);
    }

    public Value rem(Value a, Value b) {
        return arith(Op.REM, a, b);
    }

    /** A binary arithmetic op on two values of the same type. */
    public Value arith(Op op, Value a, Value b) {
        if (a.type() != b.type() || a.type() == Type.BOOLEAN) {
            throw new IllegalArgumentException(op + " on " + a.type() + " and " + b.type());
        }
        return make(op, a.type(), List.of(a, b), null);
    }

    public Value toDouble(Value a) {
        if (a.type() == Type.DOUBLE) {
            return a;
        }
        requireType(a, Type.INT);
        return make(Op.TO_DOUBLE, Type.DOUBLE, List.of(a), null);
    }

    public Value call(MathFn fn, Value... args) {
        if (args.length != fn.arity()) {
            throw new IllegalArgumentException(fn + " takes " + fn.arity() + " arguments");
        }
        for (Value a : args) {
            requireType(a, Type.DOUBLE);
        }
        return make(Op.CALL, Type.DOUBLE, List.of(args), fn);
    }

    public Value compare(Op op, Value a, Value b) {
        if (!op.isComparison() || a.type() != b.type()) {
            throw new IllegalArgumentException(op + " on " + a.type() + " and " + b.type());
        }
        return make(op, Type.BOOLEAN, List.of(a, b), null);
    }

    public Value not(Value a) {
        requireType(a, Type.BOOLEAN);
        return make(Op.NOT, Type.BOOLEAN, List.of(a), null);
    }

    /** Non-short-circuit and; callers guarantee evaluating b is safe. */
    public Value and(Value a, Value b) {
        return make(Op.AND, Type.BOOLEAN, List.of(a, b), null);
    }

    /** Non-short-circuit or; callers guarantee evaluating b is safe. */
    public Value or(Value a, Value b) {
        return make(Op.OR, Type.BOOLEAN, List.of(a, b), null);
    }

    /** {@code c ? a : b} on values already computed. */
    public Value select(Value c, Value a, Value b) {
        requireType(c, Type.BOOLEAN);
        if (a.type() != b.type()) {
            throw new IllegalArgumentException("select of " + a.type() + " and " + b.type());
        }
        return make(Op.SELECT, a.type(), List.of(c, a, b), null);
    }

    /** Generic entry used by copying passes. */
    public Value make(Op op, Type type, List<Value> args, Object payload) {
        if (op.isFree()) {
            return freeValue(op, type, payload);
        }
        Value folded = Folding.fold(this, op, type, args, payload);
        if (folded != null) {
            return folded;
        }
        Key key = new Key(op, type, args.stream().map(Value::id).toList(), payload);
        // Reads are shared within a block only: a read sunk into a loop body (for local Hessians)
        // must stay there, and re-reading an array element is as cheap as keeping it in a local.
        for (Scope s : op == Op.READ ? List.of(scopes.peek()) : scopes) {
            Value found = s.table().get(key);
            if (found != null) {
                return found;
            }
        }
        Value v = new Value(nextId++, op, type, args, payload);
        place(key, v);
        return v;
    }

    private void place(Key key, Value v) {
        Scope s = scopes.peek();
        s.table().put(key, v);
        s.block().nodes().add(v);
    }

    // ---- structure ----

    /** Appends a loop to the current block and makes its body the current block. */
    public Loop beginLoop(Value lo, Value hi, boolean inclusive, int step, String indexName) {
        requireType(lo, Type.INT);
        requireType(hi, Type.INT);
        Value index = new Value(nextId++, Op.LOOP_INDEX, Type.INT, List.of(), null);
        index.suggestName(indexName);
        Loop loop = new Loop(index, lo, hi, inclusive, step);
        scopes.peek().block().nodes().add(loop);
        scopes.push(new Scope(loop.body(), new HashMap<>()));
        return loop;
    }

    /** Leaves the body of {@code loop}. */
    public void endLoop(Loop loop) {
        Scope s = scopes.pop();
        if (s.block() != loop.body()) {
            throw new IllegalStateException("unbalanced loop");
        }
    }

    /**
     * Adds {@code result = init + sum of delta} to a finished loop and returns the result (or
     * {@code init} itself when the delta is zero).
     */
    public Value reduce(Loop loop, Value init, Value delta) {
        requireType(delta, Type.DOUBLE);
        requireType(init, Type.DOUBLE);
        if (delta.isConstant(0)) {
            return init;
        }
        for (Loop.Reduction r : loop.reductions()) {
            if (r.init() == init && r.delta() == delta) {
                return r.result();   // the same sum twice (after loop fusion): keep one
            }
        }
        Value result = new Value(nextId++, Op.LOOP_RESULT, Type.DOUBLE, List.of(), null);
        loop.reductions().add(new Loop.Reduction(result, init, delta));
        return result;
    }

    /** Appends an if to the current block and makes its then block current. */
    public If beginIf(Value cond) {
        requireType(cond, Type.BOOLEAN);
        If node = new If(cond);
        scopes.peek().block().nodes().add(node);
        scopes.push(new Scope(node.then(), new HashMap<>()));
        return node;
    }

    /** Switches from the then block to the else block. */
    public void beginElse(If node) {
        Scope s = scopes.pop();
        if (s.block() != node.then()) {
            throw new IllegalStateException("unbalanced if");
        }
        scopes.push(new Scope(node.otherwise(), new HashMap<>()));
    }

    /** Leaves the else block. */
    public void endIf(If node) {
        Scope s = scopes.pop();
        if (s.block() != node.otherwise()) {
            throw new IllegalStateException("unbalanced if");
        }
    }

    /** Merges two branch values after a finished if. */
    public Value phi(If node, Value whenTrue, Value whenFalse) {
        if (whenTrue == whenFalse) {
            return whenTrue;
        }
        if (whenTrue.type() != whenFalse.type()) {
            throw new IllegalArgumentException("phi of " + whenTrue.type() + " and " + whenFalse.type());
        }
        Value result = new Value(nextId++, Op.PHI, whenTrue.type(), List.of(), null);
        node.phis().add(new If.Phi(result, whenTrue, whenFalse));
        return result;
    }

    /** Appends {@code target[index] += value}, unless value is zero. */
    public void scatter(ArrayRef target, Value index, Value value) {
        requireType(index, Type.INT);
        requireType(value, Type.DOUBLE);
        if (!value.isConstant(0)) {
            scopes.peek().block().nodes().add(new Scatter(target, index, value));
        }
    }

    private static void requireType(Value v, Type t) {
        if (v.type() != t) {
            throw new IllegalArgumentException("expected " + t + " but got " + v.type() + ": " + v);
        }
    }
}
