package dev.wengert.ad.tape;

/**
 * First-order forward (tangent) sweep: replays values and propagates one direction, so the
 * tangent of an output is its directional derivative, and the tangents of all outputs form the
 * Jacobian-vector product J v.
 */
public final class TangentSweep {
    private TangentSweep() {
    }

    /** Writes node values into {@code v} and node tangents for input direction {@code xdot} into {@code td}. */
    public static void run(TapeData t, double[] x, double[] xdot, double[] v, double[] td) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final Partials p = new Partials();
        for (int i = 0, n = t.size; i < n; i++) {
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT:
                    v[i] = x[a[i]];
                    td[i] = xdot[a[i]];
                    break;
                case Op.CONSTANT:
                    v[i] = c[a[i]];
                    td[i] = 0;
                    break;
                case Op.UNARY: {
                    int xi = a[i];
                    double f = Rules.value(o, v[xi], 0);
                    v[i] = f;
                    Rules.partials(o, v[xi], 0, f, false, p);
                    td[i] = p.dx * td[xi];
                    break;
                }
                case Op.BINARY: {
                    int xi = a[i];
                    int yi = b[i];
                    double f = Rules.value(o, v[xi], v[yi]);
                    v[i] = f;
                    Rules.partials(o, v[xi], v[yi], f, false, p);
                    td[i] = p.dx * td[xi] + p.dy * td[yi];
                    break;
                }
                case Op.WITH_CONSTANT: {
                    int xi = a[i];
                    double f = Rules.value(o, v[xi], c[b[i]]);
                    v[i] = f;
                    Rules.partials(o, v[xi], c[b[i]], f, false, p);
                    td[i] = p.dx * td[xi];
                    break;
                }
                default: {
                    v[i] = Rules.naryValue(o, t.pool, a[i], b[i], v, c);
                    double s = 0;
                    for (int k = 0, count = b[i]; k < count; k++) {
                        s += t.naryPartial(i, k, v) * td[t.naryArgument(i, k)];
                    }
                    td[i] = s;
                }
            }
        }
    }
}
