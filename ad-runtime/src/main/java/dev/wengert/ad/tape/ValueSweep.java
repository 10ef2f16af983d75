package dev.wengert.ad.tape;

/**
 * Order-zero forward sweep: replays the recorded operations at a new x, writing every node's
 * value. This is what "re-evaluate without calling f" means.
 */
public final class ValueSweep {
    private ValueSweep() {
    }

    /**
     * Writes the value of every node at inputs {@code x} into {@code v}, and the inner value of
     * every n-ary node (before its fused unary, if any) into {@code inner}.
     */
    public static void run(TapeData t, double[] x, double[] v, double[] inner) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        System.arraycopy(x, 0, v, 0, t.leadingInputs);
        for (int i = t.leadingInputs, n = t.size; i < n; i++) {
            int o = op[i];
            switch (Op.kind(o)) {
                case Op.INPUT: v[i] = x[a[i]]; break;
                case Op.CONSTANT: v[i] = c[a[i]]; break;
                case Op.UNARY: v[i] = Rules.unary(o, v[a[i]]); break;
                case Op.BINARY: v[i] = Rules.binary(o, v[a[i]], v[b[i]]); break;
                case Op.WITH_CONSTANT: v[i] = Rules.withConstant(o, v[a[i]], c[b[i]]); break;
                default: v[i] = t.naryValue(i, v, inner);
            }
        }
    }
}
