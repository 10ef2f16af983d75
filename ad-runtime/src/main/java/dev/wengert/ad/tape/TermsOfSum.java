package dev.wengert.ad.tape;

/**
 * The terms of an output sum whose adjoints are known before any value is: when the output is a plain
 * {@code Var.sum} (no fused unary) and the nodes just below it are its last terms, each used by nothing
 * but the sum, every such term's adjoint is exactly 1. A pair energy is the common case: the Thomson
 * energy's tape is the inputs, one distance node per pair, and the sum of them all.
 *
 * <p>A gradient or a Hessian-vector product can then apply each term's reverse step right after the
 * forward sweep computes it, while its arguments are still in registers and cache, instead of in a
 * second pass that reads the whole tape back; the reverse sweep starts below the terms. The numbers
 * are those of the two-pass sweeps up to the order in which the terms' contributions are added (the
 * terms in recording order rather than in reverse), so they may differ from them in the last bit.
 */
public final class TermsOfSum {
    private final int first;
    private final int sum;

    private TermsOfSum(int first, int sum) {
        this.first = first;
        this.sum = sum;
    }

    /**
     * The terms of output node {@code out} of {@code t}: the longest run of nodes
     * {@code [first, out)} that are the sum's last arguments in order, are operations (not inputs or
     * constants), and are not operands of one another. Empty ({@link #isEmpty}) if the output is no
     * plain sum or no such run exists. Costs one read of the run's operands.
     */
    public static TermsOfSum of(TapeData t, int out) {
        if (t.op[out] != Op.SUM || t.hasOuter(out)) return new TermsOfSum(out, out);
        final int[] pool = t.pool;
        int start = t.a[out];
        int k = start + t.b[out] - 1;
        int node = out - 1;
        // The largest operand of the terms taken so far: a node at or below it is used by a term, so the
        // run ends above it.
        int highestOperand = -1;
        for (; k >= start && node > highestOperand && pool[k] == node; k--, node--) {
            int operand = highestOperand(t, node);
            if (operand < 0) break;
            highestOperand = Math.max(highestOperand, operand);
        }
        int first = node + 1;
        // The sum's other arguments must not repeat a term (a term counted twice has adjoint 2).
        for (int j = start; j <= k; j++) {
            if (pool[j] >= first) return new TermsOfSum(out, out);
        }
        return new TermsOfSum(first, out);
    }

    // The largest node an operation reads, or -1 for an input or a constant.
    private static int highestOperand(TapeData t, int i) {
        switch (Op.kind(t.op[i])) {
            case Op.UNARY:
            case Op.WITH_CONSTANT:
                return t.a[i];
            case Op.BINARY:
                return Math.max(t.a[i], t.b[i]);
            case Op.NARY: {
                int highest = -1;
                for (int k = t.a[i], end = k + t.b[i]; k < end; k++) highest = Math.max(highest, t.pool[k]);
                return highest;
            }
            default:
                return -1;
        }
    }

    /** True if there are no such terms: the sweeps run as two passes. */
    public boolean isEmpty() {
        return first == sum;
    }

    /** The first term: the terms are nodes {@code [first, sum)}. */
    public int first() {
        return first;
    }

    /** The output sum's node. */
    public int sum() {
        return sum;
    }

    /**
     * Adds the sum's unit adjoint to its arguments that are not among the terms (the sum's own reverse
     * step, less the terms, whose steps the forward sweep took).
     */
    void seedOtherArguments(TapeData t, double[] adj) {
        int start = t.a[sum];
        for (int k = start, end = start + t.b[sum] - (sum - first); k < end; k++) adj[t.pool[k]] += 1;
    }
}
