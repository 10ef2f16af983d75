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
    // Recording the same function again on a thread (the record-per-call pattern) reuses the
    // arrays the previous recording grew, instead of growing fresh ones from 256 nodes each time.
    // Only arrays up to these capacities are kept (at most about 64 MB a thread): a thread that
    // once recorded 1e8 operations must not keep 2.3 GB of them for good.
    // One slot a thread, taken and put back with plain stores: ThreadLocal.remove and set cost more than
    // the rest of a small recording's set-up.
    private static final ThreadLocal<TapeBuilder[]> SPARE = ThreadLocal.withInitial(() -> new TapeBuilder[1]);
    static final int SPARE_NODES = 1 << 20;
    static final int SPARE_CONSTANTS = 1 << 20;
    // Room for the pool of a 2^20-node tape of n-ary nodes: the Thomson energy at N = 1000 (half a
    // million 7-slot distances and their sum) grows its pool to 5.3 million slots.
    static final int SPARE_POOL = 1 << 23;
    // Beyond this many entries arrays grow by half, not double: less overshoot on huge tapes.
    private static final int DOUBLING_LIMIT = 1 << 20;
    /** The most entries HotSpot allows in one array, hence the most nodes a tape can hold. */
    public static final int MAX_NODES = Integer.MAX_VALUE - 8;

    // The arrays come from this thread's spare (create) or are made at their initial sizes (initialArrays).
    private byte[] op;
    private int[] a;
    private int[] b;
    private double[] values;
    private int size;
    // With keepInner, the inner value of each n-ary node (before a fused unary, whose value is in values),
    // indexed by node: what a gradient at the recording point reads instead of a replay. Grown as n-ary
    // nodes are pushed; only this recording's n-ary nodes' entries are meaningful (a spare's are stale).
    private boolean keepInner;
    private double[] inner;

    private double[] constants;
    private int constantCount;

    private int[] pool;
    private int poolSize;

    // This thread's spare slot, where build() or discard() leaves the arrays.
    private TapeBuilder[] slot;

    private TapeBuilder() {
    }

    /**
     * A builder for a new recording, with the arrays a finished recording on this thread left behind; with
     * {@code keepInner}, one that also keeps the inner value of every n-ary node, for a {@link #gradient} at
     * the recording point (8 bytes a node more while recording).
     */
    public static TapeBuilder create(boolean keepInner) {
        TapeBuilder fresh = new TapeBuilder();
        fresh.keepInner = keepInner;
        fresh.slot = SPARE.get();
        TapeBuilder spare = fresh.slot[0];
        if (spare == null) {
            fresh.initialArrays();
            return fresh;
        }
        fresh.slot[0] = null;
        fresh.op = spare.op;
        fresh.a = spare.a;
        fresh.b = spare.b;
        fresh.values = spare.values;
        fresh.constants = spare.constants;
        fresh.pool = spare.pool;
        fresh.sumArguments = spare.sumArguments;
        fresh.inner = spare.inner;
        fresh.inputNodes = spare.inputNodes;
        return fresh;
    }

    /** Bytes of the arrays this thread keeps for its next recording (0 if none). */
    static long spareBytes() {
        TapeBuilder spare = SPARE.get()[0];
        if (spare == null) return 0;
        return spare.op.length + 4L * spare.a.length + 4L * spare.b.length + 8L * spare.values.length
                + 8L * spare.constants.length + 4L * spare.pool.length
                + 4L * spare.sumArguments.length + (spare.inner == null ? 0 : 8L * spare.inner.length)
                + 4L * spare.inputNodes.length;
    }

    // The sizes a recording's arrays start at, and go back to when park() drops ones grown too large.
    private static final int INITIAL_NODES = 256;
    private static final int INITIAL_CONSTANTS = 16;
    private static final int INITIAL_POOL = 64;
    private static final int INITIAL_INPUTS = 16;
    private static final int INITIAL_SUM_TERMS = 64;

    private void initialArrays() {
        initialNodeArrays();
        constants = new double[INITIAL_CONSTANTS];
        pool = new int[INITIAL_POOL];
        inputNodes = new int[INITIAL_INPUTS];
        sumArguments = new int[INITIAL_SUM_TERMS];
    }

    private void initialNodeArrays() {
        op = new byte[INITIAL_NODES];
        a = new int[INITIAL_NODES];
        b = new int[INITIAL_NODES];
        values = new double[INITIAL_NODES];
        inner = null;
    }

    // Parks this builder's arrays for the next recording on this thread, dropping any grown past
    // the spare limits (the next recording grows them again from the initial size).
    private void park() {
        if (op.length > SPARE_NODES) initialNodeArrays();
        if (constants.length > SPARE_CONSTANTS) constants = new double[INITIAL_CONSTANTS];
        if (pool.length > SPARE_POOL) pool = new int[INITIAL_POOL];
        if (sumArguments.length > SPARE_NODES) sumArguments = new int[INITIAL_SUM_TERMS];
        if (inputNodes.length > SPARE_NODES) inputNodes = new int[INITIAL_INPUTS];
        slot[0] = this;
    }

    /**
     * The capacity an array of {@code current} entries grows to so that it holds {@code needed}.
     *
     * @throws dev.wengert.ad.ResultTooLargeException if no Java array can hold {@code needed} entries
     */
    static int grown(int current, long needed, String what) {
        if (needed > MAX_NODES) {
            throw new dev.wengert.ad.ResultTooLargeException("a tape's " + what + " can hold at most " + MAX_NODES
                    + " entries (one Java array) but this recording needs " + needed + "; record the function in"
                    + " parts, or generate it with @Differentiate, which needs no tape");
        }
        long next = current < DOUBLING_LIMIT ? 2L * current : current + (long) (current >> 1);
        return (int) Math.min(MAX_NODES, Math.max(needed, next));
    }

    private int[] inputNodes;
    private int inputCount;

    private final Guards.Builder guards = new Guards.Builder();
    // Nodes up to this index are compared by a guard, are terms of a sum being accumulated or are read by a
    // subtraction not recorded yet, and so may not be fused away.
    private int lastFixedNode = -1;

    // A value with no node of its own is remembered by its Var as one negative long (no table here, nothing
    // allocated): bit 63 set; then
    // - bit 62 clear: a subtraction x - y not recorded yet (x in bits 31..61, y in bits 0..30);
    // - bits 62 set, 61 clear: the plain value of an n-ary node x before a unary was fused onto it (x in
    //   bits 0..30; the node still holds its opcode and argument list);
    // - bits 62 and 61 set: x - c (bit 60 clear) or c - x (bit 60 set) not recorded yet, x in bits 30..59
    //   and the constant's index in bits 0..29.
    // Node indices fit in 31 bits; the last kind is deferred only while x and the index fit in 30.
    private static final long LOST = Long.MIN_VALUE;
    private static final long LOST_NARY = 1L << 62;
    private static final long LOST_WITH_CONSTANT = 1L << 61;
    private static final long CONSTANT_FIRST = 1L << 60;
    private static final long INDEX = 0x7fff_ffffL;
    private static final long INDEX_30 = 0x3fff_ffffL;

    // The arguments of the sums being accumulated term by term (sumStart .. sumEnd), a nested sum's
    // above its outer sum's; no list of terms, no array per sum.
    private int[] sumArguments;
    private int sumTop;

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
        if (inputCount == inputNodes.length) inputNodes = Arrays.copyOf(inputNodes, grown(inputCount, inputCount + 1L, "inputs"));
        int node = push(Op.VARIABLE, inputCount, 0, x0);
        inputNodes[inputCount++] = node;
        return node;
    }

    /** Records a constant node. */
    public int constant(double c) {
        return push(Op.CONST, addConstant(c), 0, c);
    }

    /** Records a unary node over {@code x}. */
    public int unary(byte opcode, int x) {
        return push(opcode, x, 0, Rules.unary(opcode, values[x]));
    }

    // ---- fusion in place: the caller (Tape) re-records a fused-away node if its Var is used again ----

    /**
     * If node {@code x} is the n-ary node just recorded, without a fused unary and not guarded,
     * fuses {@code opcode} onto it in place (the node now holds the unary's value) and returns
     * true. The caller must treat the plain n-ary value as gone: {@link #naryCopy} records it
     * again where it is used after all.
     */
    public boolean fuseInPlace(byte opcode, int x) {
        if (x != size - 1 || x <= lastFixedNode || Op.kind(op[x]) != Op.NARY
                || pool[TapeData.outerSlot(a[x], b[x])] != TapeData.NO_OUTER) {
            return false;
        }
        pool[TapeData.outerSlot(a[x], b[x])] = opcode;
        values[x] = Rules.unary(opcode, values[x]);
        return true;
    }

    // ---- differences recorded at their first use: under a norm or a square they never take a node ----

    private static long lostSubtraction(int x, int y) {
        return LOST | ((long) x << 31) | y;
    }

    // x - c (or c - x, constant first) with c constant k; both indices fit in 30 bits.
    private static long lostDifferenceWithConstant(boolean constantFirst, int x, int k) {
        return LOST | LOST_NARY | LOST_WITH_CONSTANT | (constantFirst ? CONSTANT_FIRST : 0) | ((long) x << 30) | k;
    }

    /**
     * The code of subtraction {@code x - y}, recorded at its first use ({@link #rerecord}), by a norm of it as
     * part of a distance ({@link #minuend}, {@link #subtrahend}) or by its square ({@link #squaredDifference}).
     * Until then it reads nodes x and y from outside the tape, so neither may be fused in place any more.
     */
    public long deferredSubtraction(int x, int y) {
        lastFixedNode = Math.max(lastFixedNode, Math.max(x, y));
        return lostSubtraction(x, y);
    }

    /**
     * As {@link #deferredSubtraction}, for {@code x - c} ({@link Op#SUB_CONST}) or {@code c - x}
     * ({@link Op#CONST_SUB}); the constant joins the pool now. Returns 0, for the caller to record the node
     * now, if x or the constant's index does not fit the code's 30 bits.
     */
    public long deferredDifferenceWithConstant(byte opcode, int x, double c) {
        if (x > INDEX_30 || constantCount > INDEX_30) return 0;
        lastFixedNode = Math.max(lastFixedNode, x);
        return lostDifferenceWithConstant(opcode == Op.CONST_SUB, x, addConstant(c));
    }

    /** True if {@code code} is a {@link #deferredSubtraction} code. */
    public static boolean isSubtraction(long code) {
        return (code & (LOST | LOST_NARY)) == LOST;
    }

    /** True if {@code code} is a {@link #deferredSubtraction} or {@link #deferredDifferenceWithConstant} code. */
    public static boolean isDifference(long code) {
        return isSubtraction(code) || isDifferenceWithConstant(code);
    }

    private static boolean isDifferenceWithConstant(long code) {
        return (code & (LOST | LOST_NARY | LOST_WITH_CONSTANT)) == (LOST | LOST_NARY | LOST_WITH_CONSTANT);
    }

    /** The x of the {@link #deferredSubtraction} code of {@code x - y}. */
    public static int minuend(long subtraction) {
        return (int) ((subtraction >>> 31) & INDEX);
    }

    /** The y of the {@link #deferredSubtraction} code of {@code x - y}. */
    public static int subtrahend(long subtraction) {
        return (int) (subtraction & INDEX);
    }

    /**
     * Records the square of a deferred difference as one node: {@code (x - y)^2}, or {@code (x - c)^2} for
     * both {@code x - c} and {@code c - x} (the two differences are each other's negation, so their squares
     * are equal to the bit). The difference itself stays unrecorded.
     */
    public int squaredDifference(long difference) {
        if (isSubtraction(difference)) return binary(Op.SQUARED_DIFFERENCE, minuend(difference), subtrahend(difference));
        int x = (int) ((difference >>> 30) & INDEX_30);
        int k = (int) (difference & INDEX_30);
        return push(Op.SQUARED_DIFFERENCE_CONST, x, k, Rules.withConstant(Op.SQUARED_DIFFERENCE_CONST, values[x], constants[k]));
    }

    // ---- sums of squared differences: one squared-distance node ----

    // The most pairs a squared distance takes by addition. Each addition writes a new node with all the pairs so
    // far, so a long chain (s = s.plus(d.square()) in a loop) would cost quadratic time and pool; past this
    // many, the chain goes on as plain additions. Stencils and small vectors (2 or 3 pairs) are far below it.
    static final int MAX_ADDED_PAIRS = 8;

    /**
     * Records {@code x + y} as one squared-distance node if it is a sum of squared differences of nodes: both
     * squared differences, or one of them a squared distance without a fused unary or an added constant and
     * with fewer than {@link #MAX_ADDED_PAIRS} pairs (its pairs come first, so the value is that of the addition
     * to the bit); returns -1 otherwise. Nodes x and y stay as they are, read by nothing new: dead unless
     * something else uses them.
     */
    public int squaredDistance(int x, int y) {
        if (op[y] != Op.SQUARED_DIFFERENCE) {
            if (op[x] != Op.SQUARED_DIFFERENCE) return -1;
            int t = x;
            x = y;
            y = t;
        }
        boolean difference = op[x] == Op.SQUARED_DIFFERENCE;
        if (!difference && !(isPlainSquaredDistance(x) && b[x] >> 1 < MAX_ADDED_PAIRS)) return -1;
        int pairs = difference ? 1 : b[x] >> 1;   // x's pairs, then y's one: minuends in one half, subtrahends in the other
        int count = 2 * (pairs + 1);
        int slots = TapeData.naryPoolSlots(Op.SQUARED_DISTANCE, count);
        ensurePool(slots);
        int start = poolSize;
        if (difference) {
            pool[start] = a[x];
            pool[start + 2] = b[x];
        } else {
            System.arraycopy(pool, a[x], pool, start, pairs);
            System.arraycopy(pool, a[x] + pairs, pool, start + pairs + 1, pairs);
        }
        pool[start + pairs] = a[y];
        pool[start + count - 1] = b[y];
        pool[TapeData.outerSlot(start, count)] = TapeData.NO_OUTER;
        pool[TapeData.constantSlot(start, count)] = TapeData.NO_CONSTANT;
        poolSize += slots;
        return pushNary(Op.SQUARED_DISTANCE, start, count, values[x] + values[y]);
    }

    /**
     * Records {@code x + c} as a squared distance that adds c, if x is a squared distance without a fused unary
     * or an added constant; returns -1 otherwise. Node x stays as it is.
     */
    public int squaredDistancePlus(int x, double c) {
        if (!isPlainSquaredDistance(x)) return -1;
        int count = b[x];
        int slots = TapeData.naryPoolSlots(Op.SQUARED_DISTANCE, count);
        ensurePool(slots);
        int start = poolSize;
        System.arraycopy(pool, a[x], pool, start, count + 1);
        pool[TapeData.constantSlot(start, count)] = addConstant(c);
        poolSize += slots;
        return pushNary(Op.SQUARED_DISTANCE, start, count, values[x] + c);
    }

    private boolean isPlainSquaredDistance(int x) {
        return op[x] == Op.SQUARED_DISTANCE && pool[TapeData.outerSlot(a[x], b[x])] == TapeData.NO_OUTER
                && pool[TapeData.constantSlot(a[x], b[x])] == TapeData.NO_CONSTANT;
    }

    /** How to record again the plain value of n-ary node {@code x} after a unary was fused onto it: a code for {@link #rerecord}. */
    public static long lostNary(int x) {
        return LOST | LOST_NARY | x;
    }

    /** Records the value of a deferred difference or a {@link #lostNary} code; returns its new node. */
    public int rerecord(long lost) {
        if (isDifferenceWithConstant(lost)) {
            byte opcode = (lost & CONSTANT_FIRST) != 0 ? Op.CONST_SUB : Op.SUB_CONST;
            int x = (int) ((lost >>> 30) & INDEX_30);
            int k = (int) (lost & INDEX_30);
            return push(opcode, x, k, Rules.withConstant(opcode, values[x], constants[k]));
        }
        int low = (int) (lost & INDEX);
        if ((lost & LOST_NARY) != 0) return naryCopy(op[low], a[low], b[low]);
        return subtraction(minuend(lost), low);
    }

    // ---- sums accumulated term by term ----

    /** Starts a sum; returns the mark that {@link #sumTerm}, {@link #endSum} and {@link #abandonSum} take. */
    public int startSum() {
        return sumTop;
    }

    /**
     * Adds node {@code term} to the sum being accumulated. The node may no longer be fused away: a later
     * term may use its value, but the sum needs it as it is now.
     */
    public void sumTerm(int term) {
        if (sumTop == sumArguments.length) {
            sumArguments = Arrays.copyOf(sumArguments, grown(sumTop, sumTop + 1L, "sum's terms"));
        }
        sumArguments[sumTop++] = term;
        lastFixedNode = Math.max(lastFixedNode, term);
    }

    /** Number of terms added since {@code mark}. */
    public int sumSize(int mark) {
        return sumTop - mark;
    }

    /** Records the sum of the terms added since {@code mark} as one n-ary node, the node {@link #nary} would record. */
    public int endSum(int mark) {
        int node = nary(Op.SUM, sumArguments, mark, sumTop - mark, null);
        sumTop = mark;
        return node;
    }

    /** Forgets the terms added since {@code mark} (a term threw). */
    public void abandonSum(int mark) {
        sumTop = mark;
    }

    /** Records {@code x - y}, for a subtraction at its first use outside a distance or a squared difference. */
    public int subtraction(int x, int y) {
        return push(Op.SUB, x, y, Rules.binary(Op.SUB, values[x], values[y]));
    }

    /** Records again, without a fused unary, the n-ary node whose argument list starts at {@code start}. */
    public int naryCopy(byte opcode, int start, int count) {
        int slots = TapeData.naryPoolSlots(opcode, count);
        int copy = poolSize;
        ensurePool(slots);
        System.arraycopy(pool, start, pool, copy, slots);
        pool[TapeData.outerSlot(copy, count)] = TapeData.NO_OUTER;
        poolSize += slots;
        return pushNary(opcode, copy, count, TapeData.naryInner(opcode, pool, copy, count, values, constants));
    }

    /** Argument {@code slot} of n-ary node {@code x}. */
    public int naryArgument(int x, int slot) {
        return pool[a[x] + slot];
    }

    /** Opcode of node {@code x}. */
    public byte opcode(int x) {
        return op[x];
    }

    /** First operand of node {@code x} (the argument-pool start of an n-ary node). */
    public int operandA(int x) {
        return a[x];
    }

    /** Second operand of node {@code x} (the argument count of an n-ary node). */
    public int operandB(int x) {
        return b[x];
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
        return nary(opcode, args, 0, count, weights);
    }

    private int nary(byte opcode, int[] args, int from, int count, double[] weights) {
        int start = poolSize;
        ensurePool(TapeData.naryPoolSlots(opcode, count));
        System.arraycopy(args, from, pool, start, count);
        pool[TapeData.outerSlot(start, count)] = TapeData.NO_OUTER;
        if (opcode == Op.LINEAR) {
            int w = constantCount;
            for (int k = 0; k < count; k++) addConstant(weights[k]);
            pool[TapeData.constantSlot(start, count)] = w;
        }
        poolSize += TapeData.naryPoolSlots(opcode, count);
        double value = TapeData.naryInner(opcode, pool, start, count, values, constants);
        return pushNary(opcode, start, count, value);
    }

    /**
     * Records the distance of two or three differences {@code x_k - y_k}, whose operands are {@code xy[0 .. 2 count)}
     * (the x's, then the y's: a distance's argument layout) and whose values are {@code d0, d1, d2} ({@code d2}
     * ignored for two): the node {@link #nary} of {@link Op#DISTANCE} records, without reading values back.
     */
    public int distance(int[] xy, int count, double d0, double d1, double d2) {
        // The sum in TapeData.naryInner's order, so that a replay gives the same value to the bit.
        double s = d0 * d0 + d1 * d1;
        if (count == 3) s += d2 * d2;
        int arguments = 2 * count;
        int slots = TapeData.naryPoolSlots(Op.DISTANCE, arguments);
        int start = poolSize;
        ensurePool(slots);
        int[] p = pool;
        for (int k = 0; k < arguments; k++) p[start + k] = xy[k];
        p[TapeData.outerSlot(start, arguments)] = TapeData.NO_OUTER;
        poolSize = start + slots;
        return pushNary(Op.DISTANCE, start, arguments, Math.sqrt(s));
    }

    /** Records a comparison guard; see {@link Guards}. */
    public void guard(int relation, int left, int right, double constant, boolean outcome) {
        guards.add(relation, left, right, constant, outcome);
        lastFixedNode = Math.max(lastFixedNode, Math.max(left, right));
    }

    /**
     * Freezes the recording with the given output nodes, first removing nodes that neither an
     * output nor a guard depends on (see {@link DeadCodeElimination}). The builder must not be
     * used afterwards: its arrays go to the next recording on this thread.
     */
    public TapeData build(int[] outputs) {
        int[] outs = outputs.clone();
        Guards frozenGuards = guards.build();
        boolean[] live = new boolean[size];
        for (int k = 0; k < inputCount; k++) live[inputNodes[k]] = true;
        for (int out : outs) live[out] = true;
        frozenGuards.markOperands(live);
        int liveCount = DeadCodeElimination.markLive(op, a, b, size, pool, live);
        int[] frozenPool;
        if (liveCount < size) {
            int[] renumber = new int[size];
            frozenPool = DeadCodeElimination.compact(op, a, b, size, pool, live, renumber);
            for (int k = 0; k < inputCount; k++) inputNodes[k] = renumber[inputNodes[k]];
            for (int k = 0; k < outs.length; k++) outs[k] = renumber[outs[k]];
            frozenGuards = frozenGuards.renumbered(renumber);
            size = liveCount;
        } else {
            frozenPool = Arrays.copyOf(pool, poolSize);
        }
        TapeData tape = new TapeData(Arrays.copyOf(op, size), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                Arrays.copyOf(constants, constantCount), frozenPool,
                Arrays.copyOf(inputNodes, inputCount), outs, frozenGuards);
        park();
        return tape;
    }

    /**
     * Writes the gradient of node {@code output} at the recording point into {@code g} (length
     * {@link #inputCount()}, zeroed by the caller), swept over the values recorded: no replay, and no
     * {@link TapeData} copied. Nodes nothing uses are skipped by the sweep (their adjoints stay 0), so no
     * dead-code pass is needed. The builder must not be used afterwards ({@link #discard} it, or {@link #build}).
     */
    public void gradient(int output, double[] g) {
        if (!keepInner) throw new IllegalStateException("a gradient at the recording point needs a builder made with keepInner");
        TapeData recorded = new TapeData(op, a, b, constants, pool, null, null, null, size);
        Workspace ws = Workspace.forThread(size);
        double[] adj = ws.adjoints();
        adj[output] = 1;
        // Consuming: the sweep leaves the thread's adjoints all zero again, as the workspace requires.
        ReverseSweep.run(recorded, values, inner, ws.partials(), adj, output, g);
    }

    /** Ends a recording that is not built: its arrays go to the next recording on this thread. */
    public void discard() {
        park();
    }

    private int addConstant(double c) {
        if (constantCount == constants.length) {
            constants = Arrays.copyOf(constants, grown(constantCount, constantCount + 1L, "constant pool"));
        }
        constants[constantCount] = c;
        return constantCount++;
    }

    private void ensurePool(int extra) {
        if ((long) poolSize + extra > pool.length) {
            pool = Arrays.copyOf(pool, grown(pool.length, (long) poolSize + extra, "argument pool"));
        }
    }

    // The node arrays take 17 bytes a node of capacity while recording (opcode, two operands, the
    // value; 8 more with keepInner, grown separately); growing copies them, so for a moment the old and the new arrays are both live.
    private void growNodes() {
        int capacity = grown(size, size + 1L, "node list");
        try {
            op = Arrays.copyOf(op, capacity);
            a = Arrays.copyOf(a, capacity);
            b = Arrays.copyOf(b, capacity);
            values = Arrays.copyOf(values, capacity);
        } catch (OutOfMemoryError e) {
            throw outOfHeap(capacity);
        }
    }

    private dev.wengert.ad.ResultTooLargeException outOfHeap(int capacity) {
        Runtime rt = Runtime.getRuntime();
        return new dev.wengert.ad.ResultTooLargeException(String.format(java.util.Locale.ROOT,
                "recording ran out of heap at %,d nodes: growing the tape to %,d nodes needs up to %,d MB at"
                        + " once (17 bytes a node of the new capacity, 25 for a one-call gradient, plus the old"
                        + " values array while it is copied) and the heap is at most %,d MB. Recording N nodes"
                        + " needs 28 to 43 bytes a node at its peak (the arrays grow by half), the finished tape 9"
                        + " to 12; raise -Xmx",
                size, capacity, ((keepInner ? 25L : 17L) * capacity + 8L * size) / 1_000_000, rt.maxMemory() / 1_000_000));
    }

    private int pushNary(byte opcode, int start, int count, double value) {
        int node = push(opcode, start, count, value);
        if (keepInner) {
            if (inner == null || inner.length <= node) {
                try {
                    inner = inner == null ? new double[op.length] : Arrays.copyOf(inner, op.length);
                } catch (OutOfMemoryError e) {
                    throw outOfHeap(op.length);
                }
            }
            inner[node] = value;
        }
        return node;
    }

    private int push(byte opcode, int x, int y, double value) {
        if (size == op.length) growNodes();
        op[size] = opcode;
        a[size] = x;
        b[size] = y;
        values[size] = value;
        return size++;
    }
}
