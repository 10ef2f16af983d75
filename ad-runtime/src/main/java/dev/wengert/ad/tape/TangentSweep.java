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
                    double vx = v[a[i]];
                    double f = Rules.unary(o, vx);
                    v[i] = f;
                    td[i] = Rules.unaryDx(o, vx, f) * td[a[i]];
                    break;
                }
                case Op.BINARY: {
                    double vx = v[a[i]];
                    double vy = v[b[i]];
                    double f = Rules.binary(o, vx, vy);
                    v[i] = f;
                    td[i] = Rules.times(Rules.binaryDx(o, vx, vy, f), td[a[i]]) + Rules.times(Rules.binaryDy(o, vx, vy, f), td[b[i]]);
                    break;
                }
                case Op.WITH_CONSTANT: {
                    double vx = v[a[i]];
                    double cy = c[b[i]];
                    double f = Rules.withConstant(o, vx, cy);
                    v[i] = f;
                    td[i] = Rules.withConstantDx(o, vx, cy, f) * td[a[i]];
                    break;
                }
                default: {
                    double inner = t.naryInner(i, v);
                    double s = 0;
                    for (int k = 0, count = b[i]; k < count; k++) {
                        s += t.naryPartial(i, k, v, inner) * td[t.naryArgument(i, k)];
                    }
                    int outer = t.naryOuter(i);
                    if (outer == TapeBuilder.NO_OUTER) {
                        v[i] = inner;
                        td[i] = s;
                    } else {
                        double f = Rules.unary(outer, inner);
                        v[i] = f;
                        td[i] = Rules.unaryDx(outer, inner, f) * s;
                    }
                }
            }
        }
    }
}
