package dev.wengert.ad.tape;

/**
 * Per-thread scratch of the sweeps over one tape: node values, tangents, adjoints and second-order
 * adjoints, allocated on first use and reused by every later call on the same thread, so a loop of
 * evaluations allocates nothing.
 */
public final class Workspace {
    private final int size;
    private double[] values;
    private double[] tangents;
    private double[] adjoints;
    private double[] adjointTangents;
    private double[] inputScratch;

    /** Scratch for a tape of {@code size} nodes. */
    public Workspace(int size) {
        this.size = size;
    }

    /** Node values. */
    public double[] values() {
        if (values == null) values = new double[size];
        return values;
    }

    /** Node tangents (forward mode). */
    public double[] tangents() {
        if (tangents == null) tangents = new double[size];
        return tangents;
    }

    /** Scratch of length n for input adjoints a caller does not want back. */
    public double[] inputScratch(int n) {
        if (inputScratch == null || inputScratch.length != n) inputScratch = new double[n];
        return inputScratch;
    }

    /** Node adjoints (reverse mode); all zero between calls: the sweeps that use them leave them so. */
    public double[] adjoints() {
        if (adjoints == null) adjoints = new double[size];
        return adjoints;
    }

    /** Tangents of the adjoints (forward-over-reverse); all zero between calls, like {@link #adjoints}. */
    public double[] adjointTangents() {
        if (adjointTangents == null) adjointTangents = new double[size];
        return adjointTangents;
    }
}
