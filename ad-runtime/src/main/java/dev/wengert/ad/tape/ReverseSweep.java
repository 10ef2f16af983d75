package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * First-order reverse (adjoint) sweep: given node values and adjoints seeded on the outputs,
 * propagates adjoints backwards through the tape. The adjoints of the input nodes are the gradient
 * (or, for seeds w, the vector-Jacobian product w^T J).
 *
 * <p>In consuming mode (an {@code inputAdjoints} array is given) the sweep hands each input's
 * adjoint to that array and leaves every node adjoint zero behind it, so the scratch is ready for
 * the next call without a separate clearing pass over the tape.
 */
public final class ReverseSweep {
    private ReverseSweep() {
    }

    /**
     * Runs the sweep over nodes {@code [0, last]} given the values and n-ary inner values a forward
     * sweep left in {@code ws}; {@code adj} (the workspace's adjoints, or an array the caller keeps)
     * holds the seeds and zeros elsewhere.
     * With {@code inputAdjoints} non-null (zeroed by the caller, length n) it consumes {@code adj}
     * and writes the input adjoints there; with null it leaves all adjoints in {@code adj}.
     */
    public static void run(TapeData t, Workspace ws, double[] adj, int last, double[] inputAdjoints) {
        run(t, ws.values(), ws.inner(), ws.partials(), adj, last, inputAdjoints);
    }

    /** As {@link #run(TapeData, Workspace, double[], int, double[])}, over values {@code v} and the inner values of fused n-ary nodes. */
    static void run(TapeData t, double[] v, double[] inner, Partials p, double[] adj, int last, double[] inputAdjoints) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final boolean consume = inputAdjoints != null;
        final int lead = t.leadingInputs;
        for (int i = last; i >= lead; i--) {
            double g = adj[i];
            if (g == 0) continue;
            if (consume) adj[i] = 0;
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                    if (consume) inputAdjoints[a[i]] = g;
                    break;
                case Op.CONSTANT:
                    break;
                case Op.UNARY: {
                    int x = a[i];
                    adj[x] += g * Rules.unaryDx(o, v[x], v[i]);
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    double vx = v[x];
                    double vy = v[y];
                    adj[x] += g * Rules.binaryDx(o, vx, vy, v[i]);
                    adj[y] += g * Rules.binaryDy(o, vx, vy, v[i]);
                    break;
                }
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    adj[x] += g * Rules.withConstantDx(o, v[x], c[b[i]], v[i]);
                    break;
                }
                default:
                    // nary compiled on its own is too big for HotSpot to inline back ("already compiled into a
                    // big method"); it is inlined because this loop is compiled first. Code added to what it
                    // inlines (Partials.atNary, Rules.naryPartial) has changed that order and made the Thomson
                    // gradient 1.25-1.4x slower: check a change here with -XX:+PrintInlining.
                    nary(t, o, i, g, v, inner, adj, p);
            }
        }
        if (consume && lead > 0) {
            // The leading inputs' adjoints are the gradient's first entries (an adjoint is never -0: it starts at
            // +0 and only has values added, so copying the zeros too gives what the loop above would).
            int count = Math.min(lead, last + 1);
            System.arraycopy(adj, 0, inputAdjoints, 0, count);
            Arrays.fill(adj, 0, count, 0.0);
        }
    }

    private static void nary(TapeData t, int o, int i, double g, double[] v, double[] inner, double[] adj, Partials p) {
        p.atNary(t, i, v, inner, false);
        double gInner = g * p.dx;
        int count = t.b[i];
        final int[] pool = t.pool;
        int start = t.a[i];
        double scale = p.scale;
        switch (TapeData.naryShape(o)) {
            case TapeData.UNIT_PARTIALS:
                // The common case (sums of many terms) without a rule lookup per argument.
                for (int k = start, end = start + count; k < end; k++) adj[pool[k]] += gInner;
                return;
            case TapeData.PAIRED: {
                // Visit argument k with its partner, reading each value once.
                int half = count >> 1;
                for (int k = start, end = start + half; k < end; k++) {
                    int x = pool[k];
                    int y = pool[k + half];
                    double vx = v[x];
                    double vy = v[y];
                    adj[x] += gInner * Rules.naryPartial(o, scale, vx, vy, 0);
                    adj[y] += gInner * Rules.naryPartial(o, scale, vy, vx, 0);
                }
                return;
            }
            default:
                for (int k = 0; k < count; k++) adj[t.naryArgument(i, k)] += gInner * t.naryPartial(i, k, v, scale);
        }
    }
}
