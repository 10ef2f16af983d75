package dev.wengert.ad.tape;

/**
 * For every node of a tape, the sorted set of inputs its value depends on through partials that are
 * not identically zero: the forward index-set propagation behind the Jacobian pattern (a row is an
 * output's set) and the first half of the Hessian pattern. Operations with zero derivative
 * everywhere (signum, floor, ceil, rint, x^0) depend on nothing; a node with one argument shares its
 * argument's set instead of copying it.
 */
final class DependencySets {
    static final int[] EMPTY = new int[0];

    private DependencySets() {
    }

    /** The sets of nodes {@code 0 .. last}, computed only where {@code wanted} is null or true (others null). */
    static int[][] of(TapeData t, int last, boolean[] wanted) {
        int[][] deps = new int[last + 1][];
        for (int i = 0; i <= last; i++) {
            if (wanted != null && !wanted[i]) continue;
            int o = t.op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                    deps[i] = new int[] {t.a[i]};
                    break;
                case Op.CONSTANT:
                    deps[i] = EMPTY;
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT:
                    deps[i] = hasZeroDerivative(t, i) ? EMPTY : deps[t.a[i]];
                    break;
                case Op.BINARY:
                    deps[i] = union(deps[t.a[i]], deps[t.b[i]]);
                    break;
                default:
                    deps[i] = hasZeroDerivative(t, i) ? EMPTY : naryUnion(t, i, deps);
            }
        }
        return deps;
    }

    // The union of an n-ary node's argument sets: gathered, sorted and made unique in one go, so a sum
    // of many terms costs O(total log total), not the O(terms * set) of pairwise unions.
    private static int[] naryUnion(TapeData t, int i, int[][] deps) {
        int count = t.b[i];
        if (count <= 2) {
            int[] all = EMPTY;
            for (int s = 0; s < count; s++) all = union(all, deps[t.naryArgument(i, s)]);
            return all;
        }
        long total = 0;
        for (int s = 0; s < count; s++) total += deps[t.naryArgument(i, s)].length;
        int[] all = new int[Math.toIntExact(total)];
        int k = 0;
        for (int s = 0; s < count; s++) {
            int[] d = deps[t.naryArgument(i, s)];
            System.arraycopy(d, 0, all, k, d.length);
            k += d.length;
        }
        java.util.Arrays.sort(all);
        int unique = 0;
        for (int j = 0; j < all.length; j++) {
            if (unique == 0 || all[unique - 1] != all[j]) all[unique++] = all[j];
        }
        return unique == all.length ? all : java.util.Arrays.copyOf(all, unique);
    }

    /**
     * True if node i's derivative is zero everywhere, so it depends on nothing: a step function of the
     * catalogue (signum, floor, ceil, rint), x^0, or an n-ary node under a fused step function.
     */
    static boolean hasZeroDerivative(TapeData t, int i) {
        int o = t.op[i];
        switch (Op.kind(o)) {
            case Op.UNARY:
                return isStepFunction(o);
            case Op.WITH_CONSTANT:
                return o == Op.POW_CONST && t.constants[t.b[i]] == 0;
            case Op.NARY:
                return t.hasOuter(i) && isStepFunction(t.naryOuter(i));
            default:
                return false;
        }
    }

    private static boolean isStepFunction(int op) {
        return STEP[op & 0xff];
    }

    // The catalogue's step functions by opcode, looked up once: the pattern passes ask for every node.
    private static final boolean[] STEP = new boolean[256];

    static {
        for (int op = 0; op < Op.COUNT; op++) {
            dev.wengert.ad.rules.ElementaryFunction f = Op.function(op);
            STEP[op] = f != null && f.isPiecewiseConstant();
        }
    }

    /** Sorted union of two sorted sets; returns an argument itself when the other adds nothing. */
    static int[] union(int[] x, int[] y) {
        if (y.length == 0 || x == y) return x;
        if (x.length == 0) return y;
        int[] out = new int[x.length + y.length];
        int i = 0, j = 0, k = 0;
        while (i < x.length && j < y.length) {
            int a = x[i], b = y[j];
            if (a == b) {
                out[k++] = a;
                i++;
                j++;
            } else if (a < b) {
                out[k++] = a;
                i++;
            } else {
                out[k++] = b;
                j++;
            }
        }
        while (i < x.length) out[k++] = x[i++];
        while (j < y.length) out[k++] = y[j++];
        if (k == x.length) return x;
        if (k == y.length) return y;
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }
}
