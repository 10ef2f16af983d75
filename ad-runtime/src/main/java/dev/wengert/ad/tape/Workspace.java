package dev.wengert.ad.tape;

/**
 * Per-thread scratch of the sweeps: node values, tangents, adjoints and second-order adjoints,
 * and the dense Hessian's k-wide buffers. Each thread has one workspace, shared by every tape it
 * evaluates and grown to the largest of them, so a loop of evaluations allocates nothing, and
 * recording a fresh tape per call does not leave a workspace per dropped tape behind.
 *
 * <p>Invariant: the adjoint arrays are all zero between calls (the sweeps leave them so).
 */
public final class Workspace {
    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    private int capacity;
    private double[] values;
    private double[] tangents;
    private double[] adjoints;
    private double[] adjointTangents;
    private double[] inner;
    private double[] innerTangents;
    private double[] inputScratch;
    private HessianSweep hessianSweep;
    private double[] keptAdjoints;
    private double[] compressed;

    private Workspace() {
    }

    /** This thread's workspace, with room for a tape of {@code size} nodes. */
    public static Workspace forThread(int size) {
        Workspace w = CURRENT.get();
        if (size > w.capacity) {
            // Dropping the arrays keeps the invariant: they are allocated again, zeroed, on demand.
            w.capacity = size;
            w.values = null;
            w.tangents = null;
            w.adjoints = null;
            w.adjointTangents = null;
            w.inner = null;
            w.innerTangents = null;
            w.keptAdjoints = null;
        }
        return w;
    }

    /** Node values. */
    public double[] values() {
        if (values == null) values = new double[capacity];
        return values;
    }

    /**
     * Inner values of n-ary nodes: the value before a fused unary (the distance under a
     * reciprocal), kept by the forward sweeps for the reverse ones.
     */
    public double[] inner() {
        if (inner == null) inner = new double[capacity];
        return inner;
    }

    /** Tangents of the inner values of n-ary nodes, kept by the tangent sweep for forward-over-reverse. */
    public double[] innerTangents() {
        if (innerTangents == null) innerTangents = new double[capacity];
        return innerTangents;
    }

    /** Node tangents (forward mode). */
    public double[] tangents() {
        if (tangents == null) tangents = new double[capacity];
        return tangents;
    }

    /** Scratch of length n for input adjoints a caller does not want back. */
    public double[] inputScratch(int n) {
        if (inputScratch == null || inputScratch.length != n) inputScratch = new double[n];
        return inputScratch;
    }

    /** Node adjoints (reverse mode); all zero between calls: the sweeps that use them leave them so. */
    public double[] adjoints() {
        if (adjoints == null) adjoints = new double[capacity];
        return adjoints;
    }

    /** Tangents of the adjoints (forward-over-reverse); all zero between calls, like {@link #adjoints}. */
    public double[] adjointTangents() {
        if (adjointTangents == null) adjointTangents = new double[capacity];
        return adjointTangents;
    }

    /**
     * Node adjoints a caller keeps across several sweeps (the sparse Hessian's first-order adjoints);
     * unlike {@link #adjoints} not zero between calls: the caller fills it.
     */
    public double[] keptAdjoints() {
        if (keptAdjoints == null) keptAdjoints = new double[capacity];
        return keptAdjoints;
    }

    /** Scratch of {@code length} doubles for a compressed Hessian (n rows, one column per color). */
    public double[] compressed(int length) {
        if (compressed == null || compressed.length < length) compressed = new double[length];
        return compressed;
    }

    /** This thread's dense-Hessian scratch for a tape of {@code nodes} nodes at batch width {@code width}. */
    public HessianSweep hessianSweep(int nodes, int width) {
        if (hessianSweep == null || !hessianSweep.fits(nodes, width)) hessianSweep = new HessianSweep(nodes, width);
        return hessianSweep;
    }
}
