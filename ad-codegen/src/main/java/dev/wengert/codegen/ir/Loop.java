package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A counted loop {@code for (int i = lo; i < hi; i += step)} (or {@code <=}) whose iterations are
 * independent except for reductions and carried state: each reduction's result is its init plus the sum over
 * iterations of its per-iteration delta, which makes the adjoint of a loop another loop of the same shape;
 * carried state ({@code p = a * p + b}) is a value each iteration computes from the one before, whose
 * adjoint runs the iterations backwards from the states the forward sweep saved.
 */
public final class Loop implements Node {
    private final Value index;
    private final Value lo;
    private final Value hi;
    private final boolean inclusive;
    private final int step;
    private final Block preheader = new Block();
    private final Block body = new Block();
    private final List<Reduction> reductions = new ArrayList<>();
    private final List<Carried> carried = new ArrayList<>();

    /**
     * One reduction: {@code result = init + sum of delta over iterations}.
     *
     * @param result the value after the loop (op LOOP_RESULT)
     * @param init the value before the loop
     * @param delta the value added by one iteration, computed in the body
     */
    public record Reduction(Value result, Value init, Value delta) {
    }

    /**
     * State carried from one iteration to the next: {@code phi} is its value at the start of an iteration
     * ({@code init} in the first), {@code next} its value at the end, {@code result} its value after the loop
     * ({@code init} if the loop does not run).
     *
     * @param result the value after the loop (op LOOP_RESULT)
     * @param init the value before the loop
     * @param phi the value at the start of an iteration (op LOOP_CARRIED), defined by the loop
     * @param next the value at the end of an iteration, computed in the body
     */
    public record Carried(Value result, Value init, Value phi, Value next) {
    }

    Loop(Value index, Value lo, Value hi, boolean inclusive, int step) {
        this.index = index;
        this.lo = lo;
        this.hi = hi;
        this.inclusive = inclusive;
        this.step = step;
    }

    public Value index() {
        return index;
    }

    public Value lo() {
        return lo;
    }

    public Value hi() {
        return hi;
    }

    public boolean inclusive() {
        return inclusive;
    }

    public int step() {
        return step;
    }

    public Block body() {
        return body;
    }

    /**
     * Loop-invariant array reads, run once before the first iteration and only if there is one
     * (so a read the body would never reach is never made); their values are visible in the body.
     * Filled only by code motion; transformations copy it into the body of their copy.
     */
    public Block preheader() {
        return preheader;
    }

    /** The reductions (mutable for passes). */
    public List<Reduction> reductions() {
        return reductions;
    }

    /** The carried state (mutable for passes). */
    public List<Carried> carried() {
        return carried;
    }

    /** True if {@code other} runs the same iterations. */
    public boolean sameHeader(Loop other) {
        return lo == other.lo && hi == other.hi && inclusive == other.inclusive && step == other.step;
    }
}
