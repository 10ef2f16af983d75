package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * The growing struct-of-arrays storage a tape records into: one opcode byte and two int operands
 * per node, the node's value, plus pools for constants and n-ary argument lists. Nothing is an
 * object per node; arrays grow geometrically. {@link #build} trims them into an immutable
 * {@link TapeData}.
 *
 * <p>Implementation class of the tape; {@code dev.wengert.ad.Tape} is the public face.
 */
public final class TapeBuilder {
    private byte[] op = new byte[256];
    private int[] a = new int[256];
    private int[] b = new int[256];
    private double[] values = new double[256];
    private int size;

    private double[] constants = new double[16];
    private int constantCount;

    private int[] pool = new int[64];
    private int poolSize;

    private int[] inputNodes = new int[16];
    private int inputCount;

    private final Guards.Builder guards = new Guards.Builder();

    /** Number of nodes recorded so far. */
    public int size() {
        return size;
    }

    /** Number of inputs recorded so far. */
    public int inputCount() {
        return inputCount;
    }

    /** The value recorded at node {@code node}. */
    public double value(int node) {
        return values[node];
    }

    /** Records a new input (the next position in x) with value {@code x0}; returns its node. */
    public int input(double x0) {
        if (inputCount == inputNodes.length) inputNodes = Arrays.copyOf(inputNodes, inputCount * 2);
        int node = push(Op.VARIABLE, inputCount, 0, x0);
        inputNodes[inputCount++] = node;
        return node;
    }

    /** Records a constant node. */
    public int constant(double c) {
        return push(Op.CONST, addConstant(c), 0, c);
    }

    /** Records a unary node over {@code x}, computing its value by {@link Rules#value}. */
    public int unary(byte opcode, int x) {
        return push(opcode, x, 0, Rules.value(opcode, values[x], 0));
    }

    /** Records a binary node over nodes {@code x} and {@code y}. */
    public int binary(byte opcode, int x, int y) {
        return push(opcode, x, y, Rules.value(opcode, values[x], values[y]));
    }

    /** Records a node over node {@code x} and the constant {@code c}. */
    public int withConstant(byte opcode, int x, double c) {
        return push(opcode, x, addConstant(c), Rules.value(opcode, values[x], c));
    }

    /**
     * Records an n-ary node over the nodes {@code args[0 .. count)}; for {@link Op#LINEAR},
     * {@code weights[0 .. count)} are its weights (ignored otherwise).
     */
    public int nary(byte opcode, int[] args, int count, double[] weights) {
        int start = poolSize;
        int slots = opcode == Op.LINEAR ? count + 1 : count;
        ensurePool(slots);
        System.arraycopy(args, 0, pool, poolSize, count);
        poolSize += count;
        if (opcode == Op.LINEAR) {
            int w = constantCount;
            for (int k = 0; k < count; k++) addConstant(weights[k]);
            pool[poolSize++] = w;
        }
        double value = Rules.naryValue(opcode, pool, start, count, values, constants);
        return push(opcode, start, count, value);
    }

    /** Records a comparison guard; see {@link Guards}. */
    public void guard(int relation, int left, int right, double constant, boolean outcome) {
        guards.add(relation, left, right, constant, outcome);
    }

    /** Freezes the recording with the given output nodes. */
    public TapeData build(int[] outputs) {
        return new TapeData(
                Arrays.copyOf(op, size), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                Arrays.copyOf(values, size), Arrays.copyOf(constants, constantCount),
                Arrays.copyOf(pool, poolSize), Arrays.copyOf(inputNodes, inputCount),
                outputs.clone(), guards.build());
    }

    private int addConstant(double c) {
        if (constantCount == constants.length) constants = Arrays.copyOf(constants, constantCount * 2);
        constants[constantCount] = c;
        return constantCount++;
    }

    private void ensurePool(int extra) {
        if (poolSize + extra > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + extra));
    }

    private int push(byte opcode, int x, int y, double value) {
        if (size == op.length) {
            int capacity = size * 2;
            op = Arrays.copyOf(op, capacity);
            a = Arrays.copyOf(a, capacity);
            b = Arrays.copyOf(b, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        op[size] = opcode;
        a[size] = x;
        b[size] = y;
        values[size] = value;
        return size++;
    }
}
