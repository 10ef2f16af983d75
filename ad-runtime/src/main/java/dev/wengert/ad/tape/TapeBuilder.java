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
    /** Marks an n-ary node without a fused unary opcode. */
    public static final int NO_OUTER = -1;

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
        return push(opcode, x, 0, Rules.unary(opcode, values[x]));
    }

    /** Records a binary node over nodes {@code x} and {@code y}. */
    public int binary(byte opcode, int x, int y) {
        return push(opcode, x, y, Rules.binary(opcode, values[x], values[y]));
    }

    /** Records a node over node {@code x} and the constant {@code c}. */
    public int withConstant(byte opcode, int x, double c) {
        return push(opcode, x, addConstant(c), Rules.withConstant(opcode, values[x], c));
    }

    /**
     * Records an n-ary node over the nodes {@code args[0 .. count)}; for {@link Op#LINEAR},
     * {@code weights[0 .. count)} are its weights (ignored otherwise).
     */
    public int nary(byte opcode, int[] args, int count, double[] weights) {
        if (opcode == Op.NORM && allSubtractions(args, count)) return distance(args, count);
        int start = poolSize;
        ensurePool(count + 2);
        System.arraycopy(args, 0, pool, poolSize, count);
        poolSize += count;
        pool[poolSize++] = NO_OUTER;
        if (opcode == Op.LINEAR) {
            int w = constantCount;
            for (int k = 0; k < count; k++) addConstant(weights[k]);
            pool[poolSize++] = w;
        }
        double value = Rules.nary(opcode, pool, start, count, values, constants);
        return push(opcode, start, count, value);
    }

    // A norm of differences, norm(x1 - y1, ..., xk - yk), is recorded as one distance node over
    // (x1..xk, y1..yk): two nodes a pair instead of k + 1 in pair energies. The subtractions stay
    // on the tape (their Vars may still be used) and are dropped by build() if nothing uses them.
    private boolean allSubtractions(int[] args, int count) {
        for (int k = 0; k < count; k++) {
            if (op[args[k]] != Op.SUB) return false;
        }
        return count > 0;
    }

    private int distance(int[] args, int count) {
        int start = poolSize;
        ensurePool(2 * count + 1);
        for (int k = 0; k < count; k++) {
            pool[start + k] = a[args[k]];
            pool[start + count + k] = b[args[k]];
        }
        pool[start + 2 * count] = NO_OUTER;
        poolSize += 2 * count + 1;
        double value = Rules.nary(Op.DISTANCE, pool, start, 2 * count, values, constants);
        return push(Op.DISTANCE, start, 2 * count, value);
    }

    // A unary operation applied to an n-ary node that nothing else uses, such as the reciprocal of a
    // distance, becomes that node's fused outer function: one node instead of two. The unary node
    // takes over the n-ary node's operands (keeping its index, which later nodes refer to) and
    // the n-ary node, now unused, is removed by dead-code elimination.
    private void fuseUnaryIntoNary(int[] outs, Guards frozenGuards) {
        int[] uses = DeadCodeElimination.useCounts(op, a, b, size, pool);
        for (int out : outs) uses[out]++;
        frozenGuards.countUses(uses);
        for (int u = 0; u < size; u++) {
            if (Op.kind(op[u]) != Op.UNARY) continue;
            int n = a[u];
            if (Op.kind(op[n]) != Op.NARY || uses[n] != 1 || pool[a[n] + b[n]] != NO_OUTER) continue;
            pool[a[n] + b[n]] = op[u];
            op[u] = op[n];
            a[u] = a[n];
            b[u] = b[n];
            uses[n] = 0;
        }
    }

    /** Records a comparison guard; see {@link Guards}. */
    public void guard(int relation, int left, int right, double constant, boolean outcome) {
        guards.add(relation, left, right, constant, outcome);
    }

    /**
     * Freezes the recording with the given output nodes, first removing nodes that neither an
     * output nor a guard depends on (see {@link DeadCodeElimination}). The builder must not be
     * used afterwards: the tape takes over its arrays.
     */
    public TapeData build(int[] outputs) {
        int[] outs = outputs.clone();
        Guards frozenGuards = guards.build();
        boolean[] live = new boolean[size];
        for (int k = 0; k < inputCount; k++) live[inputNodes[k]] = true;
        for (int out : outs) live[out] = true;
        frozenGuards.markOperands(live);
        fuseUnaryIntoNary(outs, frozenGuards);
        int liveCount = DeadCodeElimination.markLive(op, a, b, size, pool, live);
        if (liveCount < size) {
            int[] renumber = DeadCodeElimination.compact(op, a, b, values, size, pool, live);
            for (int k = 0; k < inputCount; k++) inputNodes[k] = renumber[inputNodes[k]];
            for (int k = 0; k < outs.length; k++) outs[k] = renumber[outs[k]];
            frozenGuards = frozenGuards.renumbered(renumber);
            size = liveCount;
        }
        return new TapeData(Arrays.copyOf(op, size), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                Arrays.copyOf(values, size), Arrays.copyOf(constants, constantCount), Arrays.copyOf(pool, poolSize),
                Arrays.copyOf(inputNodes, inputCount), outs, frozenGuards);
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
