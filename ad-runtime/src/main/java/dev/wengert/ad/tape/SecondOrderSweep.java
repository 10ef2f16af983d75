package dev.wengert.ad.tape;

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
     * Runs over nodes {@code [0, last]}; {@code adj} and {@code ad} hold the seeds and zeros
     * elsewhere; the input adjoints go to {@code gradient} and their tangents to {@code hv}, both
     * zeroed by the caller.
     */
    public static void run(TapeData t, double[] v, double[] td, double[] adj, double[] ad, int last,
                           double[] gradient, double[] hv) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final Partials p = new Partials();
        for (int i = last; i >= 0; i--) {
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
                default:
                    nary(t, i, g, h, v, td, adj, ad, p);
            }
        }
    }

    // Chain rule through the fused outer function u: the inner operation sees adjoint g u' and
    // adjoint tangent h u' + g u'' (tangent of inner).
    private static void nary(TapeData t, int i, double g, double h, double[] v, double[] td,
                             double[] adj, double[] ad, Partials p) {
        p.atNary(t, i, v, true);
        double inner = p.inner;
        int count = t.b[i];
        double innerTangent = td[i];
        if (t.naryOuter(i) != TapeBuilder.NO_OUTER) {
            innerTangent = 0;
            for (int k = 0; k < count; k++) innerTangent += t.naryPartial(i, k, v, inner) * td[t.naryArgument(i, k)];
        }
        double gInner = g * p.dx;
        double hInner = h * p.dx + g * p.dxx * innerTangent;
        for (int k = 0; k < count; k++) {
            int arg = t.naryArgument(i, k);
            double partial = t.naryPartial(i, k, v, inner);
            adj[arg] += gInner * partial;
            ad[arg] += hInner * partial
                    + gInner * t.naryCurvature(i, k, v, inner, innerTangent, td[arg], td[t.naryPartner(i, k)]);
        }
    }
}
