package dev.wengert.ad.tape;

import java.lang.ref.SoftReference;

/**
 * Per-thread scratch of the sweeps: node values, tangents, adjoints and second-order adjoints,
 * and the dense Hessian's k-wide buffers. Each thread has one workspace, shared by every tape it
 * evaluates and grown to the largest of them, so a loop of evaluations allocates nothing, and
 * recording a fresh tape per call does not leave a workspace per dropped tape behind. Tapes of more
 * than {@link #STRONG_NODES} nodes use a workspace the thread holds only softly (see the field).
 *
 * <p>Invariant: the adjoint arrays are all zero between calls (the sweeps leave them so).
 */
public final class Workspace {
    // Tapes up to this many nodes share the thread's workspace, held strongly: at most 8 bytes a
    // node for each of 6 arrays, 50 MB. Larger tapes get a workspace of their own size, held only
    // softly between calls: reused while memory allows (a loop of gradients of a 1e8-node tape
    // allocates its 2.4 GB once), released when the heap needs it, so a thread does not keep the
    // scratch of the largest tape it ever evaluated for good.
    static final int STRONG_NODES = 1 << 20;
    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);
    private static final ThreadLocal<SoftReference<Workspace>> LARGE = new ThreadLocal<>();

    private int capacity;
    private double[] values;
    private double[] tangents;
    private double[] adjoints;
    private double[] adjointTangents;
    private double[] inner;
    private double[] innerTangents;
    private double[] inputScratch;
    private HessianSweep hessianSweep;
    private EdgePushing.Scratch edgePushing;
    private final Partials partials = new Partials();
    private double[] keptAdjoints;
    private double[] compressed;

    private Workspace() {
    }

    /**
     * This thread's workspace, with room for a tape of {@code size} nodes. Callers keep the
     * returned instance for the whole of one evaluation rather than asking again: for a large
     * tape the thread holds it only softly.
     */
    public static Workspace forThread(int size) {
        if (size > STRONG_NODES) {
            SoftReference<Workspace> held = LARGE.get();
            Workspace large = held == null ? null : held.get();
            if (large == null || large.capacity < size) {
                large = new Workspace();
                large.capacity = size;
                LARGE.set(new SoftReference<>(large));
            }
            return large;
        }
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

    /** Node capacity of the workspace this thread holds strongly (for tapes up to {@link #STRONG_NODES} nodes). */
    static int strongCapacity() {
        return CURRENT.get().capacity;
    }

    /** Node values. */
    public double[] values() {
        if (values == null) values = allocate("values");
        return values;
    }

    /**
     * Inner values of n-ary nodes: the value before a fused unary (the distance under a
     * reciprocal), kept by the forward sweeps for the reverse ones.
     */
    public double[] inner() {
        if (inner == null) inner = allocate("inner");
        return inner;
    }

    /** Tangents of the inner values of n-ary nodes, kept by the tangent sweep for forward-over-reverse. */
    public double[] innerTangents() {
        if (innerTangents == null) innerTangents = allocate("innerTangents");
        return innerTangents;
    }

    /** Node tangents (forward mode). */
    public double[] tangents() {
        if (tangents == null) tangents = allocate("tangents");
        return tangents;
    }

    /** Scratch of length n for input adjoints a caller does not want back. */
    public double[] inputScratch(int n) {
        if (inputScratch == null || inputScratch.length != n) inputScratch = new double[n];
        return inputScratch;
    }

    /** Node adjoints (reverse mode); all zero between calls: the sweeps that use them leave them so. */
    public double[] adjoints() {
        if (adjoints == null) adjoints = allocate("adjoints");
        return adjoints;
    }

    /** Tangents of the adjoints (forward-over-reverse); all zero between calls, like {@link #adjoints}. */
    public double[] adjointTangents() {
        if (adjointTangents == null) adjointTangents = allocate("adjointTangents");
        return adjointTangents;
    }

    /**
     * Node adjoints a caller keeps across several sweeps (the sparse Hessian's first-order adjoints);
     * unlike {@link #adjoints} not zero between calls: the caller fills it.
     */
    public double[] keptAdjoints() {
        if (keptAdjoints == null) keptAdjoints = allocate("keptAdjoints");
        return keptAdjoints;
    }

    /**
     * Scratch of {@code length} doubles for a compressed Hessian (n rows, one column per color). Kept for
     * the next call up to {@link #STRONG_NODES} doubles (8 MB); a larger one (a nearly dense pattern) is
     * allocated per call, so a thread does not hold the biggest it ever needed.
     */
    public double[] compressed(int length) {
        if (compressed != null && compressed.length >= length) return compressed;
        double[] fresh = new double[length];
        if (length <= STRONG_NODES) compressed = fresh;
        return fresh;
    }

    // A per-node array of a huge tape can exceed the heap; say how much the evaluation needs
    // instead of an OutOfMemoryError from inside a sweep. (The array is the one allocation that
    // failed: the workspace is unchanged and usable at a smaller size.)
    private double[] allocate(String what) {
        try {
            return new double[capacity];
        } catch (OutOfMemoryError e) {
            Runtime rt = Runtime.getRuntime();
            throw new dev.wengert.ad.ResultTooLargeException(String.format(java.util.Locale.ROOT,
                    "evaluating a tape of %,d nodes needs per-thread scratch of 8 bytes a node per array, %,d MB"
                            + " each (a gradient uses 3 arrays, %,d MB; a Hessian-vector product 6, %,d MB), besides"
                            + " the tape; the heap (at most %,d MB, %,d MB in use) cannot hold the %s array; raise -Xmx",
                    capacity, 8L * capacity / 1_000_000, 24L * capacity / 1_000_000, 48L * capacity / 1_000_000,
                    rt.maxMemory() / 1_000_000, (rt.totalMemory() - rt.freeMemory()) / 1_000_000, what));
        }
    }

    /** The partials the scalar sweeps fill node by node. */
    Partials partials() {
        return partials;
    }

    /** This thread's dense-Hessian scratch for a tape of {@code nodes} nodes at batch width {@code width}. */
    HessianSweep hessianSweep(int nodes, int width) {
        if (hessianSweep == null || !hessianSweep.fits(nodes, width)) hessianSweep = new HessianSweep(nodes, width);
        return hessianSweep;
    }

    /** This thread's edge-pushing scratch for a tape of {@code nodes} nodes. */
    EdgePushing.Scratch edgePushingScratch(int nodes) {
        if (edgePushing == null || !edgePushing.fits(nodes)) edgePushing = new EdgePushing.Scratch(nodes);
        return edgePushing;
    }
}
