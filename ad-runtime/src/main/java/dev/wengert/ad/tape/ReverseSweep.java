package dev.wengert.ad.tape;

/**
 * First-order reverse (adjoint) sweep: given node values and adjoints seeded on the outputs,
 * accumulates into {@code adj} the adjoint of every node, walking the tape backwards. The adjoints
 * of the input nodes are the gradient (or, for seeds w, the vector-Jacobian product w^T J).
 */
public final class ReverseSweep {
    private ReverseSweep() {
    }

    /** Runs the sweep over nodes {@code [0, last]}; {@code adj} holds the seeds and zeros elsewhere. */
    public static void run(TapeData t, double[] v, double[] adj, int last) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final Partials p = new Partials();
        for (int i = last; i >= 0; i--) {
            double g = adj[i];
            if (g == 0) continue;
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                case Op.CONSTANT:
                    break;
                case Op.UNARY: {
                    int x = a[i];
                    Rules.partials(o, v[x], 0, v[i], false, p);
                    adj[x] += g * p.dx;
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    Rules.partials(o, v[x], v[y], v[i], false, p);
                    adj[x] += g * p.dx;
                    adj[y] += g * p.dy;
                    break;
                }
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    Rules.partials(o, v[x], c[b[i]], v[i], false, p);
                    adj[x] += g * p.dx;
                    break;
                }
                default:
                    nary(t, o, i, g, v, adj);
            }
        }
    }

    private static void nary(TapeData t, int o, int i, double g, double[] v, double[] adj) {
        int count = t.b[i];
        if (o == Op.SUM) {
            // The common case (sums of many terms) without a rule lookup per argument.
            final int[] pool = t.pool;
            for (int k = t.a[i], end = k + count; k < end; k++) adj[pool[k]] += g;
            return;
        }
        for (int k = 0; k < count; k++) adj[t.naryArgument(i, k)] += g * t.naryPartial(i, k, v);
    }
}
