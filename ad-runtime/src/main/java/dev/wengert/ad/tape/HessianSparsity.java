package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * The sparsity pattern of the Hessian of one output of a tape, by nonlinear interaction sets
 * (Walther 2008, as in ADOL-C's {@code hess_pat} and SparseConnectivityTracer): a forward pass
 * gives each node the set of inputs it depends on; every node that reaches the output and is
 * nonlinear in its arguments makes its arguments' sets interact (x * y: the sets of x and y; sqrt(x):
 * the set of x with itself; a sum: nothing). The union of those interactions is the pattern: exact
 * for the recorded operation sequence (the path its guards describe), and conservative only where
 * values cancel (x * y - y * x).
 *
 * <p>Operations with zero derivative everywhere (signum, floor, ceil, rint, x^0) cut dependencies;
 * piecewise-linear ones (abs, min, max) carry them but add no interaction.
 */
public final class HessianSparsity {

    private HessianSparsity() {
    }

    /** The Hessian pattern of output node {@code out} of {@code t} (both triangles). */
    public static Csr of(TapeData t, int out) {
        boolean[] needed = reachesOutput(t, out);
        int[][] deps = DependencySets.of(t, out, feedsAnInteraction(t, out, needed));
        Rows rows = new Rows(t.inputCount());
        for (int i = 0; i <= out; i++) {
            if (needed[i] && isNonlinearNode(t, i)) interact(t, i, deps, rows);
        }
        return rows.toCsr();
    }

    // Nodes whose adjoint can be non-zero: the output and, backwards, the arguments of every such
    // node through a partial that is not identically zero.
    private static boolean[] reachesOutput(TapeData t, int out) {
        boolean[] needed = new boolean[out + 1];
        needed[out] = true;
        for (int i = out; i >= 0; i--) {
            if (!needed[i]) continue;
            if (!DependencySets.hasZeroDerivative(t, i)) markArguments(t, i, needed);
        }
        return needed;
    }

    // Nodes whose input set an interaction reads: the arguments of every needed nonlinear node and,
    // backwards, the arguments of those. A sum over all terms at the end of an energy is linear, so
    // its (n-element) set is never built.
    private static boolean[] feedsAnInteraction(TapeData t, int out, boolean[] needed) {
        boolean[] wanted = new boolean[out + 1];
        for (int i = out; i >= 0; i--) {
            if (!needed[i]) continue;
            boolean nonlinear = isNonlinearNode(t, i);
            if (!nonlinear && !wanted[i]) continue;
            markArguments(t, i, wanted);
            if (nonlinear) wanted[i] = true;   // its own set: the union its interactions may read
        }
        return wanted;
    }

    private static void markArguments(TapeData t, int i, boolean[] mark) {
        switch (Op.kind(t.op[i])) {
            case Op.INPUT:
            case Op.CONSTANT:
                break;
            case Op.UNARY:
            case Op.WITH_CONSTANT:
                mark[t.a[i]] = true;
                break;
            case Op.BINARY:
                mark[t.a[i]] = true;
                mark[t.b[i]] = true;
                break;
            default:
                for (int s = 0, count = t.b[i]; s < count; s++) mark[t.naryArgument(i, s)] = true;
        }
    }

    /** True if node i's second partials are not identically zero (a product counts: bilinear). */
    static boolean isNonlinearNode(TapeData t, int i) {
        int o = t.op[i];
        switch (Op.kind(o)) {
            case Op.UNARY:
                return isNonlinear(o);
            case Op.WITH_CONSTANT:
                return withConstantIsNonlinear(o, t.constants[t.b[i]]);
            case Op.BINARY:
                return isNonlinear(o);   // a product too: bilinear, it makes its arguments interact
            case Op.NARY:
                return o == Op.NORM || o == Op.DISTANCE || o == Op.SQUARED_DISTANCE || o == Op.DOT || hasNonlinearOuter(t, i);
            default:
                return false;
        }
    }

    private static boolean hasNonlinearOuter(TapeData t, int i) {
        return t.hasOuter(i) && isNonlinear(t.naryOuter(i));
    }

    // Unary and binary opcodes whose second derivative is not identically zero (the catalogue says).
    private static boolean isNonlinear(int op) {
        return NONLINEAR[op & 0xff];
    }

    // The catalogue's answer by opcode, looked up once: the pattern passes ask for every node.
    private static final boolean[] NONLINEAR = new boolean[256];

    static {
        for (int op = 0; op < Op.COUNT; op++) {
            dev.wengert.ad.rules.ElementaryFunction f = Op.function(op);
            NONLINEAR[op] = f != null && !f.isPiecewiseLinear();
        }
    }

    private static boolean withConstantIsNonlinear(int op, double c) {
        switch (op) {
            case Op.CONST_DIV:
            case Op.CONST_POW:
            case Op.SQUARED_DIFFERENCE_CONST:
                return true;
            case Op.POW_CONST:
                return c != 0 && c != 1;
            default:
                return false;   // x + c, x - c, c - x, x * c, x / c, min, max
        }
    }

    // How the arguments of nonlinear node i interact: a product bilinearly (d2/dx2 = d2/dy2 = 0), a
    // quotient x / y linearly in x, a dot product and a squared distance pair by pair, everything else all
    // with all.
    private static void interact(TapeData t, int i, int[][] deps, Rows rows) {
        int o = t.op[i];
        boolean binary = Op.kind(o) == Op.BINARY;
        if (binary && (o == Op.MUL || o == Op.DIV)) {
            rows.interact(deps[t.a[i]], deps[t.b[i]]);
            if (o == Op.DIV) rows.interact(deps[t.b[i]], deps[t.b[i]]);
        } else if ((o == Op.DOT || o == Op.SQUARED_DISTANCE) && !hasNonlinearOuter(t, i)) {
            // Pair by pair, never one pair with another: x_k y_k couples x_k with y_k, and (x_k - y_k)^2 also
            // each side with itself (the Dirichlet energy's dx^2 + dy^2 couples u to its neighbours, not them).
            boolean squares = o == Op.SQUARED_DISTANCE;
            int half = t.b[i] >> 1;
            for (int s = 0; s < half; s++) {
                int[] x = deps[t.naryArgument(i, s)];
                int[] y = deps[t.naryArgument(i, s + half)];
                rows.interact(x, y);
                if (squares) {
                    rows.interact(x, x);
                    rows.interact(y, y);
                }
            }
        } else {
            rows.interact(deps[i], deps[i]);
        }
    }

    /** The interaction rows being collected: per input an int list, compacted (sorted, unique) as it grows. */
    private static final class Rows {
        private final int[][] entries;
        private final int[] length;
        private final int[] compacted;

        Rows(int n) {
            entries = new int[n][];
            length = new int[n];
            compacted = new int[n];
        }

        // Every p in xs interacts with every q in ys (and so q with p).
        void interact(int[] xs, int[] ys) {
            if (xs.length == 0 || ys.length == 0) return;
            for (int p : xs) add(p, ys);
            if (xs != ys) {
                for (int q : ys) add(q, xs);
            }
        }

        private void add(int row, int[] cols) {
            int[] e = entries[row];
            int len = length[row];
            if (e == null) {
                e = new int[Math.max(4, cols.length)];
            } else if (len + cols.length > e.length) {
                len = compact(row);
                e = entries[row];
                // grow unless compaction freed a good part: keeps compaction amortised O(log) per entry
                if (len + cols.length > e.length / 2) {
                    e = Arrays.copyOf(e, Math.max(2 * e.length, len + cols.length));
                }
            }
            System.arraycopy(cols, 0, e, len, cols.length);
            entries[row] = e;
            length[row] = len + cols.length;
        }

        private int compact(int row) {
            int[] e = entries[row];
            int len = length[row];
            if (compacted[row] == len) return len;
            Arrays.sort(e, 0, len);
            int k = 0;
            for (int i = 0; i < len; i++) {
                if (k == 0 || e[k - 1] != e[i]) e[k++] = e[i];
            }
            length[row] = k;
            compacted[row] = k;
            return k;
        }

        Csr toCsr() {
            int n = entries.length;
            int[] start = new int[n + 1];
            for (int r = 0; r < n; r++) {
                int len = entries[r] == null ? 0 : compact(r);
                start[r + 1] = Math.addExact(start[r], len);
            }
            int[] column = new int[start[n]];
            for (int r = 0; r < n; r++) {
                if (entries[r] != null) System.arraycopy(entries[r], 0, column, start[r], length[r]);
                entries[r] = null;
            }
            return new Csr(n, start, column);
        }
    }
}
