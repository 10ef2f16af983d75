package dev.wengert.codegen.ir;

import dev.wengert.ad.rules.ElementaryFunction;
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

    /** Where an accumulation into an output goes: used to merge scatters hoisted out of a loop. */
    private record ScatterKey(ArrayRef target, Value index) {
    }

    /**
     * One open block: its hash-consing table, the loop or if it belongs to (null for the root),
     * its nesting depth, and (for loop bodies) the scatters deferred to after the loop.
     */
    private record Scope(Block block, Map<Key, Value> table, Node owner, int depth,
                         Map<ScatterKey, Value> deferredScatters) {
        Scope(Block block, Node owner, int depth) {
            this(block, new HashMap<>(), owner, depth, new java.util.LinkedHashMap<>());
        }

        boolean isLoopBody() {
            return owner instanceof Loop;
        }
    }

    private final Block root = new Block();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Map<Key, Value> free = new HashMap<>();
    /** The depth of the scope each placed value was defined in (free values: 0). */
    private final Map<Value, Integer> depth = new java.util.IdentityHashMap<>();
    /** Code motion out of loops, or null: every value stays in the block it is built in. */
    private final LoopInvariantMotion motion;
    private int nextId;
    /** How many writes each work array has had so far: reads on either side of a write are different values. */
    private final Map<ArrayRef, Integer> writes = new HashMap<>();

    /** A builder whose current block is a fresh root block. */
    public Builder() {
        this(null);
    }

    /** A builder that places values where {@code motion} says (the {@link LoopInvariantMotion} pass). */
    Builder(LoopInvariantMotion motion) {
        this.motion = motion;
        scopes.push(new Scope(root, null, 1));
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

    /** A scalar data parameter or static field. */
    public Value param(FieldRef field, Type type) {
        return freeValue(Op.PARAM, type, field);
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

    /** {@code matrix[row][column]} of a {@code double[][]} data parameter. */
    public Value read(ArrayRef matrix, Value row, Value column) {
        requireType(row, Type.INT);
        requireType(column, Type.INT);
        if (matrix.kind() != ArrayRef.Kind.MATRIX) {
            throw new IllegalArgumentException(matrix + " is not a matrix");
        }
        return make(Op.READ, Type.DOUBLE, List.of(row, column), matrix);
    }

    /** {@code matrix[row].length} of a {@code double[][]} data parameter. */
    public Value rowLength(ArrayRef matrix, Value row) {
        requireType(row, Type.INT);
        return make(Op.LENGTH, Type.INT, List.of(row), matrix);
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

    public Value call(ElementaryFunction fn, Value... args) {
        if (fn.javaName() == null) {
            throw new IllegalArgumentException(fn + " is an operator, not a Math function");
        }
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

    /** {@code p * a}, but 0 where {@code a} is 0 (see {@link Op#AZMUL}). */
    public Value azmul(Value p, Value a) {
        requireType(p, Type.DOUBLE);
        requireType(a, Type.DOUBLE);
        return make(Op.AZMUL, Type.DOUBLE, List.of(p, a), null);
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
        if (op == Op.READ && ((ArrayRef) payload).isWork()) {
            // a work array changes: a read is shared only within its block and until the array's next write,
            // and it stays where it is (never hoisted)
            ArrayRef array = (ArrayRef) payload;
            Key key = new Key(op, type, args.stream().map(Value::id).toList(),
                    List.of(array, writes.getOrDefault(array, 0)));
            Scope s = scopes.peek();
            Value found = s.table().get(key);
            if (found != null) {
                return found;
            }
            Value v = new Value(nextId++, op, type, args, payload);
            s.table().put(key, v);
            depth.put(v, s.depth());
            s.block().nodes().add(v);
            return v;
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
        Scope s = scopes.peek();
        if (motion != null && op == Op.READ && s.isLoopBody() && args.stream().allMatch(a -> depthOf(a) < s.depth())) {
            // an invariant read of the loop body: once, before the first iteration
            s.table().put(key, v);
            depth.put(v, s.depth());
            ((Loop) s.owner()).preheader().nodes().add(v);
            return v;
        }
        place(key, v, motion != null && motion.movesOutOfLoops(op, type) ? outermostFor(args) : s);
        return v;
    }

    /** The outermost scope a value of these arguments can move to, crossing only loop bodies. */
    private Scope outermostFor(List<Value> args) {
        int needed = 0;
        for (Value a : args) {
            needed = Math.max(needed, depthOf(a));
        }
        Scope target = null;
        for (Scope s : scopes) {
            target = s;
            if (s.depth() <= needed || !s.isLoopBody()) {
                break;   // an argument is defined here, or leaving would run the value speculatively
            }
        }
        return target;
    }

    private int depthOf(Value v) {
        return v.op().isFree() ? 0 : depth.getOrDefault(v, scopes.peek().depth());
    }

    private void place(Key key, Value v, Scope target) {
        target.table().put(key, v);
        depth.put(v, target.depth());
        List<Node> nodes = target.block().nodes();
        if (target == scopes.peek()) {
            nodes.add(v);
        } else {
            // insert just before the loop that is open inside the target block
            Scope inner = null;
            for (Scope s : scopes) {
                if (s == target) {
                    break;
                }
                inner = s;
            }
            nodes.add(nodes.indexOf(inner.owner()), v);
        }
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
        Scope body = new Scope(loop.body(), loop, scopes.peek().depth() + 1);
        scopes.push(body);
        depth.put(index, body.depth());
        return loop;
    }

    /** Leaves the body of {@code loop}, scattering the sums of deferred accumulations after it. */
    public void endLoop(Loop loop) {
        Scope s = scopes.pop();
        if (s.block() != loop.body()) {
            throw new IllegalStateException("unbalanced loop");
        }
        for (Map.Entry<ScatterKey, Value> e : s.deferredScatters().entrySet()) {
            scatter(e.getKey().target(), e.getKey().index(), reduce(loop, constant(0.0), e.getValue()));
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
        depth.put(result, scopes.peek().depth());
        return result;
    }

    /** The value of new carried state of {@code loop} at the start of an iteration (call inside its body). */
    public Value carriedPhi(Loop loop, Type type) {
        Value phi = new Value(nextId++, Op.LOOP_CARRIED, type, List.of(), null);
        depth.put(phi, scopes.peek().depth());
        return phi;
    }

    /**
     * Adds carried state to a finished loop: {@code phi} (from {@link #carriedPhi}) starts at {@code init} and
     * becomes {@code next} at the end of each iteration; returns its value after the loop.
     */
    public Value carry(Loop loop, Value init, Value phi, Value next) {
        if (init.type() != phi.type() || next.type() != phi.type()) {
            throw new IllegalArgumentException("carried " + phi.type() + " from " + init.type() + " to " + next.type());
        }
        Value result = new Value(nextId++, Op.LOOP_RESULT, phi.type(), List.of(), null);
        loop.carried().add(new Loop.Carried(result, init, phi, next));
        depth.put(result, scopes.peek().depth());
        return result;
    }

    /** Appends an if to the current block and makes its then block current. */
    public If beginIf(Value cond) {
        requireType(cond, Type.BOOLEAN);
        If node = new If(cond);
        scopes.peek().block().nodes().add(node);
        scopes.push(new Scope(node.then(), node, scopes.peek().depth() + 1));
        return node;
    }

    /** Switches from the then block to the else block. */
    public void beginElse(If node) {
        Scope s = scopes.pop();
        if (s.block() != node.then()) {
            throw new IllegalStateException("unbalanced if");
        }
        scopes.push(new Scope(node.otherwise(), node, s.depth()));
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
        if (whenTrue.type() == Type.BOOLEAN && whenTrue.op() == Op.CONST && whenFalse.op() == Op.CONST) {
            // true on one side, false on the other: the condition itself (or its negation)
            return (Boolean) whenTrue.payload() ? node.cond() : not(node.cond());
        }
        if (whenTrue.type() == Type.BOOLEAN && (whenFalse == node.cond() && Boolean.TRUE.equals(whenTrue.payload())
                || whenTrue == node.cond() && Boolean.FALSE.equals(whenFalse.payload()))) {
            return node.cond();   // c ? true : c and c ? c : false are c
        }
        Value result = new Value(nextId++, Op.PHI, whenTrue.type(), List.of(), null);
        node.phis().add(new If.Phi(result, whenTrue, whenFalse));
        depth.put(result, scopes.peek().depth());
        return result;
    }

    /** Appends {@code target[index] += value}, unless value is zero. */
    public void scatter(ArrayRef target, Value index, Value value) {
        requireType(index, Type.INT);
        requireType(value, Type.DOUBLE);
        if (value.isConstant(0)) {
            return;
        }
        Scope s = scopes.peek();
        if (motion != null && s.isLoopBody() && depthOf(index) < s.depth() && !target.isWork()) {
            s.deferredScatters().merge(new ScatterKey(target, index), value, this::add);
            return;
        }
        written(target);
        s.block().nodes().add(new Scatter(target, index, value));
    }

    private void written(ArrayRef array) {
        if (array.isWork()) {
            writes.merge(array, 1, Integer::sum);
        }
    }

    /** Adds {@code value} into entry (row, column) of the matrix {@code target}, unless value is zero. */
    public void scatterEntry(ArrayRef target, Value row, Value column, Value value) {
        requireType(row, Type.INT);
        requireType(column, Type.INT);
        requireType(value, Type.DOUBLE);
        if (!value.isConstant(0)) {
            scopes.peek().block().nodes().add(new Scatter(target, row, column, value, false));
        }
    }

    /** Adds {@code value} into the next slot of {@code target}: also a zero, so that the slots stay in step. */
    public void scatterNext(ArrayRef target, Value value) {
        requireType(value, Type.DOUBLE);
        scopes.peek().block().nodes().add(Scatter.nextSlot(target, value));
    }

    /** Appends the work array {@code array} of length {@code size}, all zeros. */
    public void alloc(ArrayRef array, Value size) {
        alloc(array, size, true);
    }

    /** Appends the work array {@code array} of length {@code size}, cleared if {@code clear} (see {@link Alloc}). */
    public void alloc(ArrayRef array, Value size, boolean clear) {
        requireType(size, Type.INT);
        if (!array.isWork()) {
            throw new IllegalArgumentException(array + " is not a work array");
        }
        written(array);
        scopes.peek().block().nodes().add(new Alloc(array, size, clear));
    }

    /** How many times {@code for (i = lo; i < hi (or <=); i += step)} runs: 0 when it does not run. */
    public Value tripCount(Value lo, Value hi, boolean inclusive, int step) {
        Value span = sub(hi, lo);
        Value runs = compare(inclusive ? Op.GE : Op.GT, hi, lo);
        Value trips = inclusive ? add(div(span, constant(step)), constant(1))
                : div(add(span, constant(step - 1)), constant(step));
        return select(runs, trips, constant(0));
    }

    /** Appends {@code target[index] = value} (also for a zero value: never merged, deferred or dropped). */
    public void assign(ArrayRef target, Value index, Value value) {
        requireType(index, Type.INT);
        requireType(value, Type.DOUBLE);
        written(target);
        scopes.peek().block().nodes().add(new Scatter(target, index, value, true));
    }

    private static void requireType(Value v, Type t) {
        if (v.type() != t) {
            throw new IllegalArgumentException("expected " + t + " but got " + v.type() + ": " + v);
        }
    }
}
