package dev.wengert.ad;

/**
 * The terms of a sum being recorded: what {@link Var#sum(Tape, java.util.function.Consumer)} hands its
 * body, which {@linkplain #add adds} each term as soon as it has recorded it. The sum is one n-ary node
 * over the terms in the order they were added, the node {@link Var#sum(java.util.List)} records over the
 * same terms.
 *
 * <pre>{@code
 * Var e = Var.sum(x[0].tape(), terms -> {
 *     for (int k = 0; k < n; k++) terms.add(residual(x, k).square());
 * });
 * }</pre>
 *
 * <p>No {@code Var} of a term outlives its {@code add}: nothing is collected, so recording a sum of
 * many small terms allocates nothing per term once the JIT has compiled the body. A {@code Terms}
 * belongs to its sum's body: adding to it after the body has returned, or while a sum nested inside
 * it is being recorded, is an {@link IllegalStateException}.
 */
public final class Terms {
    private final Tape tape;
    // Which open sum of the tape this is (1 = outermost); 0 once the body has returned.
    private int level;

    Terms(Tape tape, int level) {
        this.tape = tape;
        this.level = level;
    }

    /**
     * Adds a term to the sum.
     *
     * @param term a value on the sum's tape
     * @throws NullPointerException if {@code term} is null
     * @throws ForeignVarException if {@code term} is on another tape
     * @throws IllegalStateException if the body has returned, or a sum nested inside this one is open
     */
    public void add(Var term) {
        tape.sumTerm(level, term);
    }

    void close() {
        level = 0;
    }
}
