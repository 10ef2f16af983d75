package dev.wengert.ad.tape;

import dev.wengert.ad.DimensionMismatchException;
import dev.wengert.ad.GuardFlippedException;
import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.ObjectiveChecks;

/**
 * The checks every driver call on one tape makes, in the order the {@code Objective} contract fixes (x
 * first, then the other arrays in parameter order, then their entries; lengths and entries through
 * {@link ObjectiveChecks}, so a tape and a generated class give one wrong call the same answer), and
 * the checks after the sweeps: guards that flipped, non-finite values, non-finite results. The sweeps
 * never test for NaN or infinity; only a non-finite result pays for {@link NonFiniteDiagnosis}.
 *
 * <pre>{@code
 * CallChecks checks = new CallChecks(tape);
 * int out = checks.scalarOutput("gradient");
 * checks.requireInput("gradient", x);
 * }</pre>
 */
public final class CallChecks {
    private final TapeData tape;

    /**
     * The checks of calls on {@code tape}.
     *
     * @param tape the tape the calls evaluate
     */
    public CallChecks(TapeData tape) {
        this.tape = tape;
    }

    /**
     * The node of the one output, for drivers that need a scalar function.
     *
     * @param driver the method called, as the message names it
     * @return the output node
     * @throws IllegalStateException if the tape has several outputs
     */
    public int scalarOutput(String driver) {
        if (tape.outputCount() != 1) {
            throw new IllegalStateException(driver + " needs a scalar function but this recording has "
                    + tape.outputCount() + " outputs; use values, jvp, vjp or jacobian");
        }
        return tape.outputNode(0);
    }

    /**
     * Checks the point: its length is the number of inputs and every entry is finite.
     *
     * @param driver the method called
     * @param x the point
     */
    public void requireInput(String driver, double[] x) {
        ObjectiveChecks.requireLength(driver, "x", x, tape.inputCount());
        ObjectiveChecks.requireFinite(driver, "x", x);
    }

    /**
     * Checks that a dimension asked for is the number of inputs.
     *
     * @param driver the method called
     * @param n the dimension asked for
     * @throws DimensionMismatchException if n is not the number of inputs recorded
     */
    public void requireInputCount(String driver, int n) {
        if (n != tape.inputCount()) {
            throw new DimensionMismatchException(driver + ": x of length " + n + " is asked for, but this "
                    + "recording has " + tape.inputCount() + " inputs; pass n = " + tape.inputCount());
        }
    }

    /**
     * Checks a thread count.
     *
     * @param driver the method called
     * @param threads the number of threads asked for
     * @throws IllegalArgumentException if it is below 1
     */
    public static void requireThreads(String driver, int threads) {
        if (threads < 1) throw new IllegalArgumentException(driver + ": threads must be at least 1, got " + threads);
    }

    /**
     * After a forward sweep: every guard holds and every output value is finite.
     *
     * @param driver the method called
     * @param v the node values at x
     * @throws GuardFlippedException if a recorded comparison comes out the other way at x
     * @throws NonFiniteException naming the operation whose value is not finite
     */
    public void requireRecordedPath(String driver, double[] v) {
        int flipped = tape.guards().firstFlipped(v);
        if (flipped >= 0) {
            throw new GuardFlippedException("the recording does not hold at this x: " + tape.guards().describe(flipped, v)
                    + "; record again at this point (or use Derivatives.record, which re-records itself)");
        }
        for (int k = 0; k < tape.outputCount(); k++) {
            if (!Double.isFinite(v[tape.outputNode(k)])) {
                throw new NonFiniteException(driver + ": " + NonFiniteDiagnosis.inValues(tape, v));
            }
        }
    }

    /**
     * Checks a result for non-finite entries; the first one found triggers the search for the
     * operation that produced it, on adjoints recomputed for the purpose from the values and inner
     * values in {@code ws}.
     *
     * @param driver the method called
     * @param name the result's name in the message
     * @param result the result
     * @param ws the workspace holding the values at x
     * @param second whether second partials took part (Hessians, Hessian-vector products)
     * @param outputSeeds the weights of the outputs (vjp), or null: every output seeded with 1, which
     *                    reaches every operation any output depends on
     * @throws NonFiniteException naming the entry and the operation
     */
    public void requireFiniteResult(String driver, String name, double[] result, Workspace ws, boolean second,
                                    double[] outputSeeds) {
        for (int i = 0; i < result.length; i++) {
            if (Double.isFinite(result[i])) continue;
            double[] adj = new double[tape.size()];
            for (int k = 0; k < tape.outputCount(); k++) {
                adj[tape.outputNode(k)] += outputSeeds == null ? 1 : outputSeeds[k];
            }
            ReverseSweep.run(tape, ws, adj, tape.size() - 1, null);
            String cause = NonFiniteDiagnosis.inPartials(tape, ws.values(), ws.inner(), adj, second);
            throw new NonFiniteException(driver + ": entry " + i + " of " + name + " is " + result[i] + "; "
                    + (cause != null ? cause : "no single operation produced it (overflow while accumulating)"));
        }
    }
}
