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

    TapeData(byte[] op, int[] a, int[] b, double[] constants, int[] pool,
             int[] inputNodes, int[] outputs, Guards guards) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.constants = constants;
        this.pool = pool;
        this.inputNodes = inputNodes;
        this.outputs = outputs;
        this.guards = guards;
        this.size = op.length;
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

    // ---- n-ary nodes: f = outer(inner(args)), where outer is an optional fused unary opcode ----

    /** Node of argument slot {@code k} of n-ary node {@code i}. */
    int naryArgument(int i, int k) {
        return pool[a[i] + k];
    }

    /** Node paired with argument slot {@code k} of a dot-product or distance node {@code i} (itself otherwise). */
    int naryPartner(int i, int k) {
        if (op[i] != Op.DOT && op[i] != Op.DISTANCE) return pool[a[i] + k];
        int count = b[i];
        int half = count >> 1;
        return pool[a[i] + (k < half ? k + half : k - half)];
    }

    /** The unary opcode fused onto n-ary node {@code i}, or {@link TapeBuilder#NO_OUTER}. */
    int naryOuter(int i) {
        return pool[a[i] + b[i]];
    }

    /** The n-ary operation's own value (before any fused unary), recomputed from the argument values. */
    double naryInner(int i, double[] v) {
        return Rules.nary(op[i], pool, a[i], b[i], v, constants);
    }

    /**
     * The value of n-ary node {@code i}: its inner value (also stored in {@code inner[i]}), through
     * the fused unary if there is one.
     */
    double naryValue(int i, double[] v, double[] inner) {
        double in = naryInner(i, v);
        inner[i] = in;
        int outer = naryOuter(i);
        return outer == TapeBuilder.NO_OUTER ? in : Rules.unary(outer, in);
    }

    /** d(inner)/d(argument slot k) of n-ary node {@code i}, given {@link Rules#naryScale} of its inner value. */
    double naryPartial(int i, int k, double[] v, double scale) {
        int o = op[i];
        double weight = o == Op.LINEAR ? constants[pool[a[i] + b[i] + 1] + k] : 0;
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
