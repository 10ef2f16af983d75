package dev.wengert.ad.tape;

/**
 * The reverse half of forward-over-reverse (Pearlmutter's H v): after a {@link TangentSweep} in
 * direction v has left values {@code v} and tangents {@code td}, this sweep propagates adjoints
 * {@code adj} and their tangents {@code ad} (second-order adjoints) backwards. At the input nodes
 * {@code adj} is the gradient and {@code ad} is H v, from one pass.
 *
 * <p>For a node f(x, y) with adjoint g and adjoint tangent h, each operand receives
 * {@code adj_x += g f_x} and {@code ad_x += h f_x + g (f_xx xdot + f_xy ydot)}.
 */
public final class SecondOrderSweep {
    private SecondOrderSweep() {
    }

    /** Runs over nodes {@code [0, last]}; {@code adj} and {@code ad} hold the seeds and zeros elsewhere. */
    public static void run(TapeData t, double[] v, double[] td, double[] adj, double[] ad, int last) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final Partials p = new Partials();
        for (int i = last; i >= 0; i--) {
            double g = adj[i];
            double h = ad[i];
            if (g == 0 && h == 0) continue;
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                case Op.CONSTANT:
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    double y = Op.kind(o) == Op.UNARY ? 0 : c[b[i]];
                    Rules.partials(o, v[x], y, v[i], true, p);
                    adj[x] += g * p.dx;
                    ad[x] += h * p.dx + g * p.dxx * td[x];
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    Rules.partials(o, v[x], v[y], v[i], true, p);
                    double tx = td[x];
                    double ty = td[y];
                    adj[x] += g * p.dx;
                    adj[y] += g * p.dy;
                    ad[x] += h * p.dx + g * (p.dxx * tx + p.dxy * ty);
                    ad[y] += h * p.dy + g * (p.dxy * tx + p.dyy * ty);
                    break;
                }
                default: {
                    double nodeTangent = td[i];
                    for (int k = 0, count = b[i]; k < count; k++) {
                        int arg = t.naryArgument(i, k);
                        double partial = t.naryPartial(i, k, v);
                        adj[arg] += g * partial;
                        ad[arg] += h * partial
                                + g * t.naryCurvature(i, k, v, nodeTangent, td[arg], td[t.naryPartner(i, k)]);
                    }
                }
            }
        }
    }
}
