package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A counted loop {@code for (int i = lo; i < hi; i += step)} (or {@code <=}) whose iterations are
 * independent except for reductions: each reduction's result is its init plus the sum over
 * iterations of its per-iteration delta. That restriction is what makes the adjoint of a loop
 * another loop of the same shape.
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

    /**
     * One reduction: {@code result = init + sum of delta over iterations}.
     *
     * @param result the value after the loop (op LOOP_RESULT)
     * @param init the value before the loop
     * @param delta the value added by one iteration, computed in the body
     */
    public record Reduction(Value result, Value init, Value delta) {
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

    /** True if {@code other} runs the same iterations. */
    public boolean sameHeader(Loop other) {
        return lo == other.lo && hi == other.hi && inclusive == other.inclusive && step == other.step;
    }
}
