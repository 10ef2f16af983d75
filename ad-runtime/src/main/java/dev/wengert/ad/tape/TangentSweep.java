package dev.wengert.ad.tape;

/**
 * First-order forward (tangent) sweep: replays values and propagates one direction, so the
 * tangent of an output is its directional derivative, and the tangents of all outputs form the
 * Jacobian-vector product J v.
 */
public final class TangentSweep {
    private TangentSweep() {
    }

    /**
     * Writes into the workspace the node values, the node tangents for input direction
     * {@code xdot}, and for n-ary nodes their inner values and inner tangents.
     */
    public static void run(TapeData t, double[] x, double[] xdot, Workspace ws) {
        final double[] v = ws.values();
        final double[] td = ws.tangents();
        final double[] innerValues = ws.inner();
        final double[] innerTangents = ws.innerTangents();
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        System.arraycopy(x, 0, v, 0, t.leadingInputs);
        System.arraycopy(xdot, 0, td, 0, t.leadingInputs);
        for (int i = t.leadingInputs, n = t.size; i < n; i++) {
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
                    innerValues[i] = inner;
                    double scale = Rules.naryScale(o, inner);
                    double s = naryTangent(t, o, i, v, td, scale);
                    innerTangents[i] = s;
                    int outer = t.naryOuter(i);
                    if (outer == TapeData.NO_OUTER) {
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

    /** Tangent of the inner operation of n-ary node {@code i}: the sum of partial times argument tangent. */
    static double naryTangent(TapeData t, int o, int i, double[] v, double[] td, double scale) {
        final int[] pool = t.pool;
        int start = t.a[i];
        int count = t.b[i];
        double s = 0;
        switch (TapeData.naryShape(o)) {
            case TapeData.UNIT_PARTIALS:
                for (int k = start, end = start + count; k < end; k++) s += td[pool[k]];
                break;
            case TapeData.PAIRED: {
                int half = count >> 1;
                for (int k = start, end = start + half; k < end; k++) {
                    int x = pool[k];
                    int y = pool[k + half];
                    double vx = v[x];
                    double vy = v[y];
                    s += Rules.naryPartial(o, scale, vx, vy, 0) * td[x] + Rules.naryPartial(o, scale, vy, vx, 0) * td[y];
                }
                break;
            }
            default:
                for (int k = 0; k < count; k++) s += t.naryPartial(i, k, v, scale) * td[t.naryArgument(i, k)];
        }
        return s;
    }
}
