package dev.wengert.ad.tape;

/**
 * An immutable recorded tape: the operation sequence in struct-of-arrays form (per node an opcode
 * byte and two int operands), the constant pool, the n-ary
 * argument pool, which nodes are the inputs and the outputs, and the guards. The sweeps read it;
 * none writes it, so one instance serves any number of threads.
 */
public final class TapeData {
    final byte[] op;
    final int[] a;
    final int[] b;
    final double[] constants;
    final int[] pool;
    final int[] inputNodes;
    final int[] outputs;
    final Guards guards;
    final int size;
    // Nodes [0, leadingInputs) are inputs 0, 1, ... in order (as Tape.variables records them): the sweeps
    // copy their values and adjoints as arrays instead of dispatching on each.
    final int leadingInputs;

    TapeData(byte[] op, int[] a, int[] b, double[] constants, int[] pool,
             int[] inputNodes, int[] outputs, Guards guards) {
        this(op, a, b, constants, pool, inputNodes, outputs, guards, op.length);
    }

    // The first size nodes of arrays that may be longer (a builder's, for a sweep before build()).
    TapeData(byte[] op, int[] a, int[] b, double[] constants, int[] pool,
             int[] inputNodes, int[] outputs, Guards guards, int size) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.constants = constants;
        this.pool = pool;
        this.inputNodes = inputNodes;
        this.outputs = outputs;
        this.guards = guards;
        this.size = size;
        int k = 0;
        while (k < size && op[k] == Op.VARIABLE && a[k] == k) k++;
        this.leadingInputs = k;
    }

    /** Number of nodes (recorded operations, inputs and constants included). */
    public int size() {
        return size;
    }

    /** Number of inputs, n. */
    public int inputCount() {
        return inputNodes.length;
    }

    /** Number of outputs, m. */
    public int outputCount() {
        return outputs.length;
    }

    /** The node holding output {@code k}. */
    public int outputNode(int k) {
        return outputs[k];
    }

    /** The guards recorded with this tape. */
    public Guards guards() {
        return guards;
    }

    /**
     * Bytes the tape holds: the per-node arrays (opcode and two operands: 9 bytes a node), the
     * constant and argument pools and the index arrays. Values are not kept: every evaluation
     * recomputes them into per-thread scratch.
     */
    public long bytes() {
        return (long) op.length + 4L * a.length + 4L * b.length
                + 8L * constants.length + 4L * pool.length + 4L * inputNodes.length + 4L * outputs.length;
    }

    // ---- the n-ary layout: the writer (TapeBuilder) lays nodes out so, every reader reads them so ----
    //
    // An n-ary node's a is the start of its slots in the argument pool and b its argument count. Its
    // slots are the argument nodes [start, start + count), then the fused unary opcode (or NO_OUTER),
    // then, for LINEAR and SQUARED_DISTANCE, a constant-pool index (constantSlot): the first weight, or the
    // added constant (or NO_CONSTANT). Dot products and distances keep their two vectors as the two halves
    // of the arguments: argument k pairs with k +- count / 2.

    /** The fused-unary slot of an n-ary node that has none. */
    static final int NO_OUTER = -1;
    /** The constant slot of a squared distance that adds no constant. */
    static final int NO_CONSTANT = -1;

    /** How the sweeps walk an n-ary node's arguments ({@link #naryShape}): every partial is 1. */
    static final int UNIT_PARTIALS = 0;
    /** ... in pairs (k, k + count / 2), each partial depending on the pair's two values (dot, distance). */
    static final int PAIRED = 1;
    /** ... one at a time through {@link #naryPartial} (norm, linear combination). */
    static final int GENERAL = 2;

    /** Pool slots an n-ary node of {@code count} arguments takes. */
    static int naryPoolSlots(int opcode, int count) {
        return count + (opcode == Op.LINEAR || opcode == Op.SQUARED_DISTANCE ? 2 : 1);
    }

    /** The pool slot holding the fused unary opcode of the n-ary node whose arguments start at {@code start}. */
    static int outerSlot(int start, int count) {
        return start + count;
    }

    /**
     * The pool slot, after the fused-unary slot, that holds an index into the constant pool: a linear
     * combination's first weight, or a squared distance's added constant ({@link #NO_CONSTANT} if none).
     */
    static int constantSlot(int start, int count) {
        return start + count + 1;
    }

    /** {@link #UNIT_PARTIALS}, {@link #PAIRED} or {@link #GENERAL}: the one place the sweeps' n-ary loops split. */
    static int naryShape(int op) {
        if (op == Op.SUM) return UNIT_PARTIALS;
        return op == Op.DOT || op == Op.DISTANCE || op == Op.SQUARED_DISTANCE ? PAIRED : GENERAL;
    }

    /**
     * The value of an n-ary opcode (before any fused unary) whose arguments are laid out from
     * {@code start} in {@code pool}, reading node values from {@code v}.
     */
    static double naryInner(int op, int[] pool, int start, int count, double[] v, double[] constants) {
        // Kept under HotSpot's inlining limit for hot methods (325 bytes of bytecode), so that every sweep
        // inlines it: the loops over pairs are in methods of their own.
        double s = 0;
        switch (op) {
            case Op.SUM:
                for (int k = start, end = start + count; k < end; k++) s += v[pool[k]];
                return s;
            case Op.DOT: {
                int half = count >> 1;
                for (int k = start, end = start + half; k < end; k++) s += v[pool[k]] * v[pool[k + half]];
                return s;
            }
            case Op.NORM:
                return Math.sqrt(squares(pool, start, count, v));
            case Op.DISTANCE:
                return Math.sqrt(squaredDifferences(pool, start, count >> 1, v));
            case Op.SQUARED_DISTANCE: {
                // The constant is added last, as c + (x_0 - y_0)^2 + ... written left to right adds it (addition commutes).
                int c = pool[constantSlot(start, count)];
                double squares = squaredDifferences(pool, start, count >> 1, v);
                return c == NO_CONSTANT ? squares : squares + constants[c];
            }
            case Op.LINEAR: {
                int w = pool[constantSlot(start, count)];
                for (int k = 0; k < count; k++) s += constants[w + k] * v[pool[start + k]];
                return s;
            }
            default:
                throw new IllegalArgumentException("not an n-ary opcode: " + Op.name(op));
        }
    }

    // x_0^2 + ... + x_count-1^2 over the arguments from start.
    private static double squares(int[] pool, int start, int count, double[] v) {
        double s = 0;
        for (int k = start, end = start + count; k < end; k++) {
            double x = v[pool[k]];
            s += x * x;
        }
        return s;
    }

    // (x_0 - y_0)^2 + ... + (x_half-1 - y_half-1)^2 over the two halves of the arguments from start.
    private static double squaredDifferences(int[] pool, int start, int half, double[] v) {
        double s = 0;
        for (int k = start, end = start + half; k < end; k++) {
            double d = v[pool[k]] - v[pool[k + half]];
            s += d * d;
        }
        return s;
    }

    // ---- n-ary nodes: f = outer(inner(args)), where outer is an optional fused unary opcode ----

    /** Node of argument slot {@code k} of n-ary node {@code i}. */
    int naryArgument(int i, int k) {
        return pool[a[i] + k];
    }

    /** Node paired with argument slot {@code k} of a dot-product or distance node {@code i} (itself otherwise). */
    int naryPartner(int i, int k) {
        if (naryShape(op[i]) != PAIRED) return pool[a[i] + k];
        int half = b[i] >> 1;
        return pool[a[i] + (k < half ? k + half : k - half)];
    }

    /** The unary opcode fused onto n-ary node {@code i}, or {@link #NO_OUTER}. */
    int naryOuter(int i) {
        return pool[outerSlot(a[i], b[i])];
    }

    /** True if n-ary node {@code i} has a fused unary opcode. */
    boolean hasOuter(int i) {
        return naryOuter(i) != NO_OUTER;
    }

    /** The n-ary operation's own value (before any fused unary), recomputed from the argument values. */
    double naryInner(int i, double[] v) {
        return naryInner(op[i], pool, a[i], b[i], v, constants);
    }

    /**
     * The value of n-ary node {@code i}: its inner value (also stored in {@code inner[i]}), through
     * the fused unary if there is one.
     */
    double naryValue(int i, double[] v, double[] inner) {
        double in = naryInner(i, v);
        inner[i] = in;
        int outer = naryOuter(i);
        return outer == NO_OUTER ? in : Rules.unary(outer, in);
    }

    /** d(inner)/d(argument slot k) of n-ary node {@code i}, given {@link Rules#naryScale} of its inner value. */
    double naryPartial(int i, int k, double[] v, double scale) {
        int o = op[i];
        double weight = o == Op.LINEAR ? constants[pool[constantSlot(a[i], b[i])] + k] : 0;
        return Rules.naryPartial(o, scale, v[naryArgument(i, k)], v[naryPartner(i, k)], weight);
    }

    /**
     * Component k of (Hessian of the inner operation of node i) times (its argument tangents),
     * given the scale of its inner value, its inner tangent and the tangents of argument k and of its partner.
     */
    double naryCurvature(int i, int k, double[] v, double scale, double innerTangent,
                         double argTangent, double partnerTangent) {
        return Rules.naryCurvature(op[i], scale, innerTangent, v[naryArgument(i, k)], argTangent,
                v[naryPartner(i, k)], partnerTangent);
    }
}
