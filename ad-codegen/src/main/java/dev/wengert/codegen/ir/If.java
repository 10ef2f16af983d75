package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code if (cond) {then} else {otherwise}} with phis merging the values the branches compute.
 * Only the taken branch runs, so a branch may read an index the other could not.
 */
public final class If implements Node {
    private final Value cond;
    private final Block then = new Block();
    private final Block otherwise = new Block();
    private final List<Phi> phis = new ArrayList<>();

    /**
     * A merged value.
     *
     * @param result the value after the if (op PHI)
     * @param whenTrue its value at the end of the then block
     * @param whenFalse its value at the end of the else block
     */
    public record Phi(Value result, Value whenTrue, Value whenFalse) {
    }

    If(Value cond) {
        this.cond = cond;
    }

    public Value cond() {
        return cond;
    }

    public Block then() {
        return then;
    }

    public Block otherwise() {
        return otherwise;
    }

    /** The phis (mutable for passes). */
    public List<Phi> phis() {
        return phis;
    }
}
