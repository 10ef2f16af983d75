package dev.wengert.ad.tape;

/**
 * Finds where a NaN or infinity entered a sweep. The sweeps themselves never test for them (that
 * would cost every node a branch); drivers check their results, and only when a result is not
 * finite do they ask this class which node produced it, so the error can name the opcode and its
 * position on the tape.
 */
final class NonFiniteDiagnosis {
    private NonFiniteDiagnosis() {
    }

    /** Describes the first node whose value is not finite though its operands are, or null if none. */
    static String inValues(TapeData t, double[] v) {
        for (int i = 0; i < t.size; i++) {
            if (!Double.isFinite(v[i])) {
                return describe(t, v, i, "value " + v[i]);
            }
        }
        return null;
    }

    /**
     * Describes the last node (the first one the reverse sweep meets) whose non-zero adjoint meets
     * a non-finite first (or, with {@code second}, second) partial, or null if none.
     */
    static String inPartials(TapeData t, double[] v, double[] inner, double[] adj, boolean second) {
        Partials p = new Partials();
        for (int i = t.size - 1; i >= 0; i--) {
            if (adj[i] == 0 || !Double.isFinite(adj[i])) continue;
            int o = t.op[i];
            int kind = Op.kind(o);
            if (kind == Op.INPUT || kind == Op.CONSTANT) continue;
            if (kind == Op.NARY) {
                p.atNary(t, i, v, inner, second);
                if (!Double.isFinite(p.dx) || second && !Double.isFinite(p.dxx)) {
                    return describe(t, v, i, "derivative of the fused " + Op.name(t.naryOuter(i)) + " = "
                            + (Double.isFinite(p.dx) ? p.dxx : p.dx));
                }
                for (int k = 0; k < t.b[i]; k++) {
                    double partial = t.naryPartial(i, k, v, p.scale);
                    if (!Double.isFinite(partial)) return describe(t, v, i, "derivative " + partial);
                }
                continue;
            }
            p.at(t, i, v, second);
            String[] names = {"d/dx", "d/dy", "d2/dx2", "d2/dxdy", "d2/dy2"};
            double[] parts = {p.dx, p.dy, p.dxx, p.dxy, p.dyy};
            for (int k = 0; k < (second ? 5 : 2); k++) {
                if (!Double.isFinite(parts[k])) return describe(t, v, i, "derivative " + names[k] + " = " + parts[k]);
            }
        }
        return null;
    }

    private static String describe(TapeData t, double[] v, int i, String what) {
        int o = t.op[i];
        StringBuilder s = new StringBuilder();
        s.append(what).append(" at ").append(Op.name(o)).append(" (tape position ").append(i).append(')');
        switch (Op.kind(o)) {
            case Op.INPUT:
                s.append(": input x[").append(t.a[i]).append("] = ").append(v[i]);
                break;
            case Op.UNARY:
                s.append(" of ").append(v[t.a[i]]);
                break;
            case Op.BINARY:
                s.append(" of (").append(v[t.a[i]]).append(", ").append(v[t.b[i]]).append(')');
                break;
            case Op.WITH_CONSTANT:
                s.append(" of (").append(v[t.a[i]]).append(", constant ").append(t.constants[t.b[i]]).append(')');
                break;
            case Op.NARY:
                s.append(" over ").append(t.b[i]).append(" arguments");
                if (t.hasOuter(i)) s.append(", then ").append(Op.name(t.naryOuter(i)));
                break;
            default:
                break;
        }
        return s.toString();
    }
}
