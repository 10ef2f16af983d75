package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * Sparse Hessian by edge pushing (Gower and Mello 2012; the "livarb" form of Petra, Qiang, Lubin and
 * Anitescu 2018): one reverse sweep that carries, next to the first-order adjoints, the symmetric matrix W
 * of second-order adjoints between the nodes still live. Node i, processed from the output down, first
 * pushes its row of W onto its arguments through its first partials (W(i, p) becomes d_s W(i, p) at
 * (arg_s, p), W(i, i) becomes d_s d_t W(i, i) at (arg_s, arg_t)), then creates its own curvature:
 * adjoint(i) times its second partials at (arg_s, arg_t). What is left between input nodes is the
 * Hessian.
 *
 * <p>Cost: proportional to the entries of W that are ever pushed, not to n times a number of colors. For
 * a sum of small terms (a grid energy, extended Rosenbrock, a pair energy) each term's rows stay a few
 * entries long, so the sweep is a small multiple of a gradient; a long chain of nodes that all depend on
 * many inputs makes W dense and the sweep quadratic, where a colored compressed sweep is the better choice.
 *
 * <p>W is stored sparsely: an entry between two inputs is added straight into the Hessian's values (its
 * position found in the pattern's row, or at r * n + c for a dense target, {@link #dense}); any other entry
 * (p, q) sits in the row of whichever of p and q is processed first (the larger node, inputs last), as an
 * append-only linked list of (column, value) cells that are recycled once their row is consumed; duplicates
 * are summed when the row is consumed, through a per-call dense accumulator indexed by node. Zero values are
 * never stored, so a structurally present but numerically zero entry costs nothing further (and a zero W entry
 * never meets an infinite partial).
 *
 * <pre>{@code
 * EdgePushing plan = EdgePushing.of(tape, out, pattern.rowStart(), pattern.column());   // once per recording
 * ValueSweep.run(tape, x, ws.values(), ws.inner());                                     // values at x
 * plan.evaluate(tape, ws, values);                                                      // values in CSR order
 * }</pre>
 */
public final class EdgePushing {
    private final int out;
    private final int[] rowStart;    // null for a dense target: the entry (r, c) is then at r * n + c
    private final int[] column;
    private final int[] mirror;      // position of (c, r) for the entry (r, c) of the CSR pattern
    private final int n;
    // Per node: ACTIVE if its value depends on an input through partials that are not identically zero
    // (inactive nodes are skipped, their arguments' partials never read); NONLINEAR if it creates curvature.
    static final byte ACTIVE = 1;
    static final byte NONLINEAR = 2;
    private final byte[] flags;

    private EdgePushing(int out, int[] rowStart, int[] column, int[] mirror, int n, byte[] flags) {
        this.out = out;
        this.rowStart = rowStart;
        this.column = column;
        this.mirror = mirror;
        this.n = n;
        this.flags = flags;
    }

    /**
     * The plan for output node {@code out} of {@code t}, writing into a symmetric CSR pattern (both
     * triangles, sorted columns) given by {@code rowStart} and {@code column}: which nodes depend on the
     * inputs, and for every entry the position of its mirror.
     *
     * @param t the tape
     * @param out the output node
     * @param rowStart the pattern's n + 1 row offsets
     * @param column the pattern's column indices, sorted within a row
     * @return the plan, immutable and safe to share among threads
     */
    public static EdgePushing of(TapeData t, int out, int[] rowStart, int[] column) {
        return new EdgePushing(out, rowStart, column, mirrors(rowStart, column), t.inputCount(), flags(t, out));
    }

    /**
     * The plan for output node {@code out} of {@code t}, writing the dense n x n Hessian, row-major:
     * no pattern is needed, the entry (r, c) is at {@code r * n + c}.
     *
     * @param t the tape
     * @param out the output node
     * @return the plan, immutable and safe to share among threads
     */
    public static EdgePushing dense(TapeData t, int out) {
        return new EdgePushing(out, null, null, null, t.inputCount(), flags(t, out));
    }

    private static byte[] flags(TapeData t, int out) {
        boolean[] active = activeNodes(t, out);
        byte[] flags = new byte[out + 1];
        for (int i = 0; i <= out; i++) {
            if (!active[i]) continue;
            flags[i] = ACTIVE;
            int kind = Op.kind(t.op[i]);
            if (kind != Op.INPUT && HessianSparsity.isNonlinearNode(t, i)) flags[i] |= NONLINEAR;
        }
        return flags;
    }

    private static int[] mirrors(int[] rowStart, int[] column) {
        int n = rowStart.length - 1;
        int[] mirror = new int[column.length];
        // Walking rows in order, the entries (c, r) of every row c arrive in increasing r: a cursor per row.
        int[] cursor = Arrays.copyOf(rowStart, n);
        for (int r = 0; r < n; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int c = column[k];
                int m = cursor[c]++;
                if (m >= rowStart[c + 1] || column[m] != r) {
                    throw new IllegalArgumentException("edge pushing needs a symmetric pattern: (" + r + ", " + c
                            + ") is in it but (" + c + ", " + r + ") is not");
                }
                mirror[k] = m;
            }
        }
        return mirror;
    }

    private static boolean[] activeNodes(TapeData t, int out) {
        boolean[] active = new boolean[out + 1];
        for (int i = 0; i <= out; i++) {
            int o = t.op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                    active[i] = true;
                    break;
                case Op.CONSTANT:
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT:
                    active[i] = active[t.a[i]] && !DependencySets.hasZeroDerivative(t, i);
                    break;
                case Op.BINARY:
                    active[i] = active[t.a[i]] || active[t.b[i]];
                    break;
                default:
                    if (DependencySets.hasZeroDerivative(t, i)) break;
                    for (int s = 0, count = t.b[i]; s < count && !active[i]; s++) active[i] = active[t.naryArgument(i, s)];
            }
        }
        return active;
    }

    /**
     * Writes the Hessian's non-zeros into {@code values}, in the pattern's order, given the node values
     * and inner values at x in {@code ws} (a {@link ValueSweep} first). The first-order adjoints are
     * computed in the same sweep (a node's adjoint is complete when the sweep reaches it), in the
     * workspace's kept adjoints.
     *
     * @param t the tape the plan was made for
     * @param ws the caller's workspace for this evaluation
     * @param values receives the non-zeros, one per pattern entry
     */
    public void evaluate(TapeData t, Workspace ws, double[] values) {
        evaluate(t, ws, values, Long.MAX_VALUE);
    }

    /**
     * As {@link #evaluate(TapeData, Workspace, double[])}, but gives up once the sweep has done more
     * than {@code budget} units of work (a unit: one entry of W stored, consumed or added into the
     * values), leaving {@code values} partly written: for a caller that has a cheaper method when W grows dense.
     *
     * @param t the tape the plan was made for
     * @param ws the caller's workspace for this evaluation
     * @param values receives the non-zeros, one per pattern entry
     * @param budget the most units of work to do
     * @return true if the sweep finished, false if it gave up
     */
    public boolean evaluate(TapeData t, Workspace ws, double[] values, long budget) {
        double[] adj = ws.keptAdjoints();
        Arrays.fill(adj, 0, out + 1, 0.0);
        adj[out] = 1;
        return ws.edgePushingScratch(t.size()).run(t, this, ws.values(), ws.inner(), adj, values, budget);
    }

    /**
     * The work units of {@link #evaluate(TapeData, Workspace, double[], long)} beyond which edge pushing
     * is given up for a dense Hessian: a quarter of nodes times inputs (a vector-mode dense Hessian runs a
     * k-wide tangent and second-order adjoint sweep per batch of columns, and a node-column of it costs
     * about a quarter of a unit), and never less than 64 units a node, which any sum of small terms stays
     * within (a pair term of a point energy takes about 20).
     *
     * @param t the tape
     * @return the budget beyond which edge pushing is no cheaper than vector mode
     */
    public static long vectorModeBudget(TapeData t) {
        return (long) t.size() * Math.max(64, t.inputCount() / 4);
    }

    /**
     * One thread's scratch: the cells of W, the head of every node's row, and the accumulator a row is
     * summed into when it is consumed; kept by the {@link Workspace} and grown as needed.
     */
    static final class Scratch {
        private final int capacity;
        private final int[] head;        // first cell of the node's row, -1 for none
        private final double[] sum;      // accumulator of the row being consumed, by node
        private final int[] stamp;       // sum[c] is live for the row whose marker stamp[c] holds
        private int[] touched;           // the columns of the row being consumed
        private int[] cellColumn = new int[1024];
        private double[] cellValue = new double[1024];
        private int[] cellNext = new int[1024];
        private int used;                // cells handed out at least once
        private int free = -1;           // recycled cells
        private int[] slotNode = new int[8];
        private double[] slotPartial = new double[8];
        private double[] slotInner = new double[8];   // n-ary: d(inner)/d(argument)
        private int[] slotIndex = new int[8];         // n-ary: the argument slot
        private final Partials p = new Partials();

        Scratch(int nodes) {
            capacity = nodes;
            head = new int[nodes];
            sum = new double[nodes];
            stamp = new int[nodes];
            touched = new int[64];
        }

        boolean fits(int nodes) {
            return nodes <= capacity;
        }

        boolean run(TapeData t, EdgePushing plan, double[] v, double[] inner, double[] adj, double[] values,
                    long budget) {
            int out = plan.out;
            op = t.op;
            a = t.a;
            rowStart = plan.rowStart;
            column = plan.column;
            mirror = plan.mirror;
            n = plan.n;
            this.values = values;
            work = 0;
            Arrays.fill(values, 0.0);
            Arrays.fill(head, 0, out + 1, -1);
            Arrays.fill(stamp, 0, out + 1, -1);
            used = 0;
            free = -1;
            byte[] flags = plan.flags;
            for (int i = out; i >= 0; i--) {
                int f = flags[i];
                if ((f & ACTIVE) == 0) continue;
                int kind = Op.kind(op[i]);
                if (kind == Op.INPUT) continue;
                double g = adj[i];
                int entries = consume(i, i);
                if (entries == 0 && g == 0) continue;
                int slots = slots(t, i, v, inner, flags);
                if (g != 0) {
                    for (int s = 0; s < slots; s++) adj[slotNode[s]] += slotPartial[s] * g;
                }
                if (entries > 0) pushOffDiagonal(i, entries, slots);
                double diagonal = entries > 0 && stamp[i] == i ? sum[i] : 0;
                boolean creates = g != 0 && (f & NONLINEAR) != 0;
                if (diagonal != 0 || creates) {
                    // one method per operand shape, each small enough for HotSpot to inline into this loop
                    if (kind != Op.NARY) {
                        pushScalarDiagonalAndCreate(kind == Op.BINARY, slots, diagonal, creates ? g : 0);
                    } else {
                        pushNaryDiagonalAndCreate(t, i, v, slots, diagonal, creates ? g : 0);
                    }
                }
                if (work > budget) break;
            }
            op = null;
            a = null;
            this.values = null;
            return work <= budget;
        }

        // Sums node i's row into sum[] (stamped with marker), recycles its cells; returns how many
        // distinct columns it had, listed in touched[].
        private int consume(int row, int marker) {
            int count = 0;
            for (int e = head[row]; e >= 0; ) {
                int c = cellColumn[e];
                if (stamp[c] != marker) {
                    stamp[c] = marker;
                    sum[c] = cellValue[e];
                    if (count == touched.length) touched = Arrays.copyOf(touched, 2 * count);
                    touched[count++] = c;
                } else {
                    sum[c] += cellValue[e];
                }
                int next = cellNext[e];
                cellNext[e] = free;
                free = e;
                e = next;
                work++;
            }
            head[row] = -1;
            return count;
        }

        // W(i, p) = w for p != i goes to (arg_s, p) as d_s w, twice where arg_s is p itself (W(i, p) and W(p, i)).
        private void pushOffDiagonal(int i, int entries, int slots) {
            for (int e = 0; e < entries; e++) {
                int q = touched[e];
                if (q == i) continue;
                double w = sum[q];
                if (w == 0) continue;
                for (int s = 0; s < slots; s++) {
                    int j = slotNode[s];
                    double d = slotPartial[s] * w;
                    add(j, q, j == q ? 2 * d : d);
                }
            }
        }

        // W(i, i) d_s d_t plus adjoint(i) times the second partial, at (arg_s, arg_t) for s <= t; a pair
        // s < t of slots naming one node lands twice on its diagonal. For a unary, binary or with-constant
        // node, p holds its partials (slots() filled them): slot 0 is argument a, slot 1 argument b.
        private void pushScalarDiagonalAndCreate(boolean binary, int slots, double diagonal, double g) {
            for (int s = 0; s < slots; s++) {
                for (int u = s; u < slots; u++) {
                    double second = g == 0 ? 0 : g * scalarSecond(binary, slotIndex[s], slotIndex[u]);
                    double value = diagonal * slotPartial[s] * slotPartial[u] + second;
                    addPair(s, u, value);
                }
            }
        }

        // The same for an n-ary node, through its fused outer function and its inner curvature.
        private void pushNaryDiagonalAndCreate(TapeData t, int i, double[] v, int slots, double diagonal, double g) {
            int o = t.op[i];
            double outerDx = p.dx;
            double outerDxx = p.dxx;
            if (o == Op.DOT && g != 0 && diagonal == 0 && outerDxx == 0) {
                pushDotPairs(t, i, slots, g * outerDx);
                return;
            }
            boolean innerLinear = Rules.naryIsLinear(o);
            double scale = p.scale;
            for (int s = 0; s < slots; s++) {
                int k = slotIndex[s];
                int arg = t.naryArgument(i, k);
                int partner = t.naryPartner(i, k);
                int partnerSlot = partnerSlot(t, i, k);
                for (int u = s; u < slots; u++) {
                    double value = diagonal * slotPartial[s] * slotPartial[u];
                    if (g != 0) {
                        double second = outerDxx * slotInner[s] * slotInner[u];
                        if (!innerLinear) {
                            int l = slotIndex[u];
                            second += outerDx * Rules.naryCurvature(o, scale, slotInner[u], v[arg], k == l ? 1 : 0,
                                    v[partner], partnerSlot == l ? 1 : 0);
                        }
                        value += g * second;
                    }
                    addPair(s, u, value);
                }
            }
        }

        // A dot product's inner Hessian pairs slot k with its partner only: O(slots), not O(slots^2).
        private void pushDotPairs(TapeData t, int i, int slots, double value) {
            for (int s = 0; s < slots; s++) {
                int partnerSlot = partnerSlot(t, i, slotIndex[s]);
                for (int u = s + 1; u < slots; u++) {
                    if (slotIndex[u] == partnerSlot) addPair(s, u, value);
                }
            }
        }

        private static int partnerSlot(TapeData t, int i, int k) {
            if (TapeData.naryShape(t.op[i]) != TapeData.PAIRED) return k;
            int half = t.b[i] >> 1;
            return k < half ? k + half : k - half;
        }

        private double scalarSecond(boolean binary, int slotA, int slotB) {
            if (!binary) return p.dxx;
            if (slotA != slotB) return p.dxy;
            return slotA == 0 ? p.dxx : p.dyy;
        }

        private void addPair(int s, int u, double value) {
            if (value == 0) return;
            int js = slotNode[s];
            int ju = slotNode[u];
            add(js, ju, s != u && js == ju ? 2 * value : value);
        }

        // The active arguments of node i with their first partials (and, for n-ary nodes, the inner
        // partials and slot numbers); p holds the node's partials afterwards. Returns their number.
        private int slots(TapeData t, int i, double[] v, double[] inner, byte[] flags) {
            return Op.kind(t.op[i]) == Op.NARY ? narySlots(t, i, v, inner, flags) : scalarSlots(t, i, v, flags);
        }

        private int narySlots(TapeData t, int i, double[] v, double[] inner, byte[] flags) {
            p.atNary(t, i, v, inner, true);
            int count = t.b[i];
            ensureSlots(count);
            int slots = 0;
            for (int k = 0; k < count; k++) {
                int arg = t.naryArgument(i, k);
                if ((flags[arg] & ACTIVE) == 0) continue;
                double innerPartial = t.naryPartial(i, k, v, p.scale);
                slotNode[slots] = arg;
                slotIndex[slots] = k;
                slotInner[slots] = innerPartial;
                slotPartial[slots] = p.dx * innerPartial;
                slots++;
            }
            return slots;
        }

        private int scalarSlots(TapeData t, int i, double[] v, byte[] flags) {
            int kind = Op.kind(t.op[i]);
            p.at(t, i, v, true);
            int slots = 0;
            int x = t.a[i];
            if ((flags[x] & ACTIVE) != 0) {
                slotNode[0] = x;
                slotIndex[0] = 0;
                slotPartial[0] = p.dx;
                slots = 1;
            }
            if (kind == Op.BINARY && (flags[t.b[i]] & ACTIVE) != 0) {
                slotNode[slots] = t.b[i];
                slotIndex[slots] = 1;
                slotPartial[slots] = p.dy;
                slots++;
            }
            return slots;
        }

        private void ensureSlots(int count) {
            if (slotNode.length >= count) return;
            int size = Math.max(count, 2 * slotNode.length);
            slotNode = new int[size];
            slotPartial = new double[size];
            slotInner = new double[size];
            slotIndex = new int[size];
        }

        // W(p, q) += value (and W(q, p)): between two inputs straight into the values (an entry of the
        // Hessian, found in its row of the pattern); otherwise one cell in the row processed first, inputs last.
        private void add(int p, int q, double value) {
            work++;
            boolean pInput = Op.kind(op[p]) == Op.INPUT;
            boolean qInput = Op.kind(op[q]) == Op.INPUT;
            if (pInput && qInput) {
                addToValues(a[p], a[q], value);
                return;
            }
            int row = pInput ? q : qInput ? p : Math.max(p, q);
            int col = row == p ? q : p;
            int e = free;
            if (e >= 0) {
                free = cellNext[e];
            } else {
                if (used == cellColumn.length) growCells();
                e = used++;
            }
            cellColumn[e] = col;
            cellValue[e] = value;
            cellNext[e] = head[row];
            head[row] = e;
        }

        private void addToValues(int r, int c, double value) {
            if (rowStart == null) {
                values[r * n + c] += value;
                if (r != c) values[c * n + r] += value;
                return;
            }
            int from = rowStart[r];
            int to = rowStart[r + 1] - 1;
            while (from <= to) {
                int mid = (from + to) >>> 1;
                int cm = column[mid];
                if (cm < c) {
                    from = mid + 1;
                } else if (cm > c) {
                    to = mid - 1;
                } else {
                    values[mid] += value;
                    if (r != c) values[mirror[mid]] += value;
                    return;
                }
            }
            // outside the pattern: the interaction sets rule it out, so its value is a structural zero
        }

        private byte[] op;       // the tape being swept: opcodes, and the input index of an input node
        private int[] a;
        private int[] rowStart;  // the pattern and the values being written
        private int[] column;
        private int[] mirror;
        private int n;           // the dense target's row length
        private double[] values;
        private long work;       // units done in this sweep: W entries stored, consumed or added into values

        private void growCells() {
            int size = Math.multiplyExact(2, cellColumn.length);
            cellColumn = Arrays.copyOf(cellColumn, size);
            cellValue = Arrays.copyOf(cellValue, size);
            cellNext = Arrays.copyOf(cellNext, size);
        }

    }
}
