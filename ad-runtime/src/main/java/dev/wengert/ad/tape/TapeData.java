package dev.wengert.ad.tape;

/**
 * An immutable recorded tape: the operation sequence in struct-of-arrays form (per node an opcode
 * byte, two int operands and the value seen while recording), the constant pool, the n-ary
 * argument pool, which nodes are the inputs and the outputs, and the guards. The sweeps read it;
 * none writes it, so one instance serves any number of threads.
 */
public final class TapeData {
    final byte[] op;
    final int[] a;
    final int[] b;
    final double[] recordedValues;
    final double[] constants;
    final int[] pool;
    final int[] inputNodes;
    final int[] outputs;
    final Guards guards;
    final int size;

    TapeData(byte[] op, int[] a, int[] b, double[] recordedValues, double[] constants, int[] pool,
             int[] inputNodes, int[] outputs, Guards guards) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.recordedValues = recordedValues;
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

    /** The node holding input {@code i}. */
    public int inputNode(int i) {
        return inputNodes[i];
    }

    /** The guards recorded with this tape. */
    public Guards guards() {
        return guards;
    }

    /** The value of every node as recorded (a copy is never needed: sweeps write their own arrays). */
    public double recordedValue(int node) {
        return recordedValues[node];
    }

    /** Bytes the tape itself holds: per-node arrays, the pools and the index arrays. */
    public long bytes() {
        return (long) size * (1 + 4 + 4 + 8) + 8L * constants.length + 4L * pool.length
                + 4L * inputNodes.length + 4L * outputs.length;
    }

    /** Opcode of node {@code i}. */
    public int opcode(int i) {
        return op[i];
    }

    /** Node of argument slot {@code k} of n-ary node {@code i}. */
    int naryArgument(int i, int k) {
        return pool[a[i] + k];
    }

    /** Node paired with argument slot {@code k} of a dot-product node {@code i} (itself otherwise). */
    int naryPartner(int i, int k) {
        if (op[i] != Op.DOT) return pool[a[i] + k];
        int count = b[i];
        int half = count >> 1;
        return pool[a[i] + (k < half ? k + half : k - half)];
    }

    /** d(node i)/d(argument slot k) of n-ary node {@code i}, from the table in {@link Rules}. */
    double naryPartial(int i, int k, double[] v) {
        int o = op[i];
        double weight = o == Op.LINEAR ? constants[pool[a[i] + b[i]] + k] : 0;
        return Rules.naryPartial(o, v[i], v[naryArgument(i, k)], v[naryPartner(i, k)], weight);
    }

    /**
     * Component k of (Hessian of n-ary node i) times (its argument tangents), given the tangents of
     * the node, of argument k and of its partner.
     */
    double naryCurvature(int i, int k, double[] v, double nodeTangent, double argTangent, double partnerTangent) {
        return Rules.naryCurvature(op[i], v[i], nodeTangent, v[naryArgument(i, k)], argTangent, partnerTangent);
    }
}
