package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * The reverse half of forward-over-reverse (Pearlmutter's H v): after a {@link TangentSweep} in
 * direction v has left values {@code v} and tangents {@code td}, this sweep propagates adjoints
 * {@code adj} and their tangents {@code ad} (second-order adjoints) backwards. At the input nodes
 * the adjoints are the gradient and their tangents are H v, from one pass.
 *
 * <p>For a node f(x, y) with adjoint g and adjoint tangent h, each operand receives
 * {@code adj_x += g f_x} and {@code ad_x += h f_x + g (f_xx xdot + f_xy ydot)}.
 *
 * <p>Like {@link ReverseSweep} in consuming mode, it leaves {@code adj} and {@code ad} zero.
 */
public final class SecondOrderSweep {
    private SecondOrderSweep() {
    }

    /**
     * Runs over nodes {@code [0, last]} of the workspace a {@link TangentSweep} filled; its
     * adjoints and adjoint tangents hold the seeds and zeros elsewhere; the input adjoints go to
     * {@code gradient} and their tangents to {@code hv}, both zeroed by the caller.
     */
    public static void run(TapeData t, Workspace ws, int last, double[] gradient, double[] hv) {
        final double[] v = ws.values();
        final double[] inner = ws.inner();
        final double[] innerTangents = ws.innerTangents();
        final double[] td = ws.tangents();
        final double[] adj = ws.adjoints();
        final double[] ad = ws.adjointTangents();
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final Partials p = ws.partials();
        final int lead = t.leadingInputs;
        for (int i = last; i >= lead; i--) {
            double g = adj[i];
            double h = ad[i];
            if (g == 0 && h == 0) continue;
            adj[i] = 0;
            ad[i] = 0;
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                    gradient[a[i]] = g;
                    hv[a[i]] = h;
                    break;
                case Op.CONSTANT:
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    p.at(t, i, v, true);
                    adj[x] += g * p.dx;
                    ad[x] += h * p.dx + g * p.dxx * td[x];
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    p.at(t, i, v, true);
                    double tx = td[x];
                    double ty = td[y];
                    adj[x] += g * p.dx;
                    adj[y] += g * p.dy;
                    ad[x] += h * p.dx + g * (Rules.times(p.dxx, tx) + Rules.times(p.dxy, ty));
                    ad[y] += h * p.dy + g * (Rules.times(p.dxy, tx) + Rules.times(p.dyy, ty));
                    break;
                }
                default: {
                    // Chain rule through the fused outer function u: the inner operation sees adjoint g u' and
                    // adjoint tangent h u' + g u'' (tangent of inner). Dispatched here, not in a method of its
                    // own, so that the sweep inlines the shape's loop (a dispatcher compiled on its own is too
                    // big for HotSpot to inline back).
                    p.atNary(t, i, v, inner, true);
                    double innerTangent = innerTangents[i];
                    double gInner = g * p.dx;
                    double hInner = h * p.dx + g * p.dxx * innerTangent;
                    switch (TapeData.naryShape(o)) {
                        case TapeData.UNIT_PARTIALS:
                            unitPartials(t, i, gInner, hInner, adj, ad);
                            break;
                        case TapeData.PAIRED:
                            paired(t, i, p.scale, gInner, hInner, innerTangent, v, td, adj, ad);
                            break;
                        default:
                            general(t, i, p.scale, gInner, hInner, innerTangent, v, td, adj, ad);
                    }
                }
            }
        }
        // The leading inputs' adjoints and their tangents, as ReverseSweep hands them over.
        int count = Math.min(lead, last + 1);
        System.arraycopy(adj, 0, gradient, 0, count);
        System.arraycopy(ad, 0, hv, 0, count);
        Arrays.fill(adj, 0, count, 0.0);
        Arrays.fill(ad, 0, count, 0.0);
    }

    // One small method per n-ary argument shape, each under HotSpot's inlining limit (325 bytes).

    // No curvature of its own and unit partials: the adjoints pass straight through.
    private static void unitPartials(TapeData t, int i, double gInner, double hInner, double[] adj, double[] ad) {
        final int[] pool = t.pool;
        for (int k = t.a[i], end = k + t.b[i]; k < end; k++) {
            adj[pool[k]] += gInner;
            ad[pool[k]] += hInner;
        }
    }

    // Visit argument k with its partner, reading each value once.
    private static void paired(TapeData t, int i, double scale, double gInner, double hInner, double innerTangent,
                               double[] v, double[] td, double[] adj, double[] ad) {
        final int[] pool = t.pool;
        int o = t.op[i];
        int start = t.a[i];
        int half = t.b[i] >> 1;
        for (int k = start, end = start + half; k < end; k++) {
            int x = pool[k];
            int y = pool[k + half];
            double vx = v[x];
            double vy = v[y];
            double tx = td[x];
            double ty = td[y];
            double px = Rules.naryPartial(o, scale, vx, vy, 0);
            double py = Rules.naryPartial(o, scale, vy, vx, 0);
            adj[x] += gInner * px;
            adj[y] += gInner * py;
            ad[x] += hInner * px + gInner * Rules.naryCurvature(o, scale, innerTangent, vx, tx, vy, ty);
            ad[y] += hInner * py + gInner * Rules.naryCurvature(o, scale, innerTangent, vy, ty, vx, tx);
        }
    }

    private static void general(TapeData t, int i, double scale, double gInner, double hInner, double innerTangent,
                                double[] v, double[] td, double[] adj, double[] ad) {
        for (int k = 0, count = t.b[i]; k < count; k++) {
            int arg = t.naryArgument(i, k);
            double partial = t.naryPartial(i, k, v, scale);
            adj[arg] += gInner * partial;
            ad[arg] += hInner * partial
                    + gInner * t.naryCurvature(i, k, v, scale, innerTangent, td[arg], td[t.naryPartner(i, k)]);
        }
    }
}
