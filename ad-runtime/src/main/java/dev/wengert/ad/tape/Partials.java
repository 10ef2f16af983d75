package dev.wengert.ad.tape;

/**
 * First and second partials of one node, read from {@link Rules} for the node's operand shape: for
 * unary, binary and with-constant nodes with respect to their operands ({@link #at}); for n-ary
 * nodes, the inner value and the derivatives of the fused outer function ({@link #atNary}). A
 * sweep owns one instance (the {@link Workspace}'s, or its own) and reuses it for every node, so nothing
 * is allocated per node.
 */
final class Partials {
    /** Inner value of an n-ary node (before its fused unary). */
    double inner;
    /** {@link Rules#naryScale} of the inner value. */
    double scale;
    double dx;
    double dy;
    double dxx;
    double dxy;
    double dyy;

    /** Fills the partials of node {@code i} at node values {@code v}; second partials only if asked. */
    void at(TapeData t, int i, double[] v, boolean second) {
        int o = t.op[i];
        double x = v[t.a[i]];
        double f = v[i];
        switch (Op.kind(o)) {
            case Op.UNARY:
                dx = Rules.unaryDx(o, x, f);
                dy = 0;
                if (second) { dxx = Rules.unaryDxx(o, x, f, dx); dxy = 0; dyy = 0; }
                break;
            case Op.WITH_CONSTANT: {
                double c = t.constants[t.b[i]];
                dx = Rules.withConstantDx(o, x, c, f);
                dy = 0;
                if (second) { dxx = Rules.withConstantDxx(o, x, c, f, dx); dxy = 0; dyy = 0; }
                break;
            }
            case Op.BINARY: {
                double y = v[t.b[i]];
                dx = Rules.binaryDx(o, x, y, f);
                dy = Rules.binaryDy(o, x, y, f);
                if (second) {
                    dxx = Rules.binaryDxx(o, x, y, f);
                    dxy = Rules.binaryDxy(o, x, y, f);
                    dyy = Rules.binaryDyy(o, x, y, f);
                }
                break;
            }
            default:
                throw new IllegalArgumentException("node " + i + " (" + Op.name(o) + ") has no scalar partials");
        }
    }

    /**
     * For n-ary node {@code i}: its inner value (as the forward sweep left it in
     * {@code innerValues}) and its scale, and in {@code dx} (and {@code dxx} if asked) the
     * first (second) derivative of its fused outer function at that value: 1 (0) without one.
     */
    void atNary(TapeData t, int i, double[] v, double[] innerValues, boolean second) {
        inner = innerValues[i];
        scale = Rules.naryScale(t.op[i], inner);
        int outer = t.naryOuter(i);
        if (outer == TapeData.NO_OUTER) {
            dx = 1;
            dxx = 0;
            return;
        }
        dx = Rules.unaryDx(outer, inner, v[i]);
        if (second) dxx = Rules.unaryDxx(outer, inner, v[i], dx);
    }
}
