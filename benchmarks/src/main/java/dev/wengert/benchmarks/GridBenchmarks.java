package dev.wengert.benchmarks;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.SparseHessianMethod;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.Tape;
import dev.wengert.ad.workloads.GridWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The minimal-surface grid workload ({@link GridWorkload}), the sparse-Hessian case: the plain value,
 * the tape's gradient (the unit of the sparse Hessian's target), the sparse Hessian by edge pushing and by
 * star coloring and the once-per-recording cost of each (pattern and plan), named as in {@link ThomsonBenchmarks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GridBenchmarks {

    /** The smooth start on grids of n = 40,000 and 250,000 unknowns, and a gradient array. */
    @State(Scope.Thread)
    public static class Grid {
        @Param({"40000", "250000"})
        int n;

        double[] x;
        double[] g;

        /** Builds x and g, then lets a recording state record and warm up. */
        @Setup
        public void setUp() {
            x = GridWorkload.start(n);
            g = new double[n];
            prepare();
        }

        void prepare() {
        }
    }

    /** A recording made near x ({@link Recordings}), warmed up by one gradient. */
    public static class GradientRecording extends Grid {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(GridWorkload::energy, x);
            recording.gradient(x, g);
        }
    }

    /**
     * A recording made near x whose pattern and what the sparse Hessian method needs (the edge-pushing
     * plan, or the star coloring) are worked out, warmed up by one sparse Hessian by that method.
     */
    public static class SparseHessianRecording extends Grid {
        @Param({"EDGE_PUSHING", "STAR_COLORING", "ACYCLIC_COLORING"})
        SparseHessianMethod method;

        Recording recording;
        double[] values;

        @Override
        void prepare() {
            recording = Recordings.recordNear(GridWorkload::energy, x);
            values = new double[recording.prepareSparseHessian(method).nonZeros()];
            recording.sparseHessian(x, values, method);
        }
    }

    /** A fresh recording for every invocation: the pattern and the method's plan are cached on a recording. */
    @State(Scope.Thread)
    public static class FreshRecording {
        @Param({"40000", "250000"})
        int n;

        @Param({"EDGE_PUSHING", "STAR_COLORING", "ACYCLIC_COLORING"})
        SparseHessianMethod method;

        double[] x;
        Recording recording;

        /** The start, once per trial. */
        @Setup(Level.Trial)
        public void start() {
            x = GridWorkload.start(n);
        }

        /** A new recording before every call (not measured). */
        @Setup(Level.Invocation)
        public void record() {
            recording = Tape.record(GridWorkload::energy, x);
        }
    }

    /** The generated class ({@link GeneratedWorkloads#grid(int)}), its layout for n worked out by one sparse Hessian. */
    public static class Generated extends Grid {
        Objective generated;
        double[] values;

        @Override
        void prepare() {
            generated = GeneratedWorkloads.grid(n);
            values = new double[generated.hessianPattern(n).nonZeros()];
            generated.sparseHessian(x, values);
        }
    }

    /** A fresh generated instance for every invocation: the layout for n is cached on an instance. */
    @State(Scope.Thread)
    public static class FreshGenerated {
        @Param({"40000", "250000"})
        int n;

        Objective generated;

        /** A new instance before every call (not measured). */
        @Setup(Level.Invocation)
        public void create() {
            generated = GeneratedWorkloads.grid(n);
        }
    }

    /** The grid energy in plain doubles: the unit every grid ratio is measured in. */
    @Benchmark
    public double plainValue(Grid s) {
        return GridWorkload.energy(s.x);
    }

    /**
     * Gradient of the grid energy on a recording made once: the unit of the sparse Hessian's target.
     * What could fool it: the recording is made near x (a replay is measured, not a cached value).
     */
    @Benchmark
    public double tapeReusedGradient(GradientRecording r) {
        return r.recording.gradient(r.x, r.g);
    }

    /**
     * Sparse Hessian on a recording whose pattern and plan were worked out in set-up (they are, once per
     * recording), by edge pushing (the default: replay, one reverse sweep pushing first- and second-order
     * adjoints) or by star or acyclic coloring (replay, reverse sweep, colored forward-over-reverse sweeps,
     * direct recovery or substitution).
     * What could fool it: the values array is returned so the work is not dead; the once-per-recording
     * cost is measured apart ({@link #tapeReusedHessianPattern}).
     */
    @Benchmark
    public double[] tapeReusedSparseHessian(SparseHessianRecording r) {
        r.recording.sparseHessian(r.x, r.values, r.method);
        return r.values;
    }

    /**
     * The once-per-recording cost of a sparse Hessian by the given method: the Hessian pattern by
     * nonlinear interaction sets, and the edge-pushing plan (the mirror of every entry, the nodes that
     * depend on x), or the star coloring with its recovery positions, or the acyclic coloring with its
     * substitution plan. What could fool it: both are cached
     * on a recording, so every invocation gets a fresh recording ({@link FreshRecording}, made in
     * per-invocation set-up, not measured).
     */
    @Benchmark
    public SparsityPattern tapeReusedHessianPattern(FreshRecording r) {
        return r.recording.prepareSparseHessian(r.method);
    }

    /** The generated gradient: the unit of the generated sparse Hessian. */
    @Benchmark
    public double generatedGradient(Generated s) {
        return s.generated.gradient(s.x, s.g);
    }

    /**
     * The generated sparse Hessian: per-cell local Hessians added into slots found once per n (in set-up).
     * What could fool it: the values array is returned so the work is not dead.
     */
    @Benchmark
    public double[] generatedSparseHessian(Generated s) {
        s.generated.sparseHessian(s.x, s.values);
        return s.values;
    }

    /**
     * The generated class's once-per-n cost: listing every entry, the pattern and the slot of each entry.
     * What could fool it: the layout is cached on an instance, so every invocation gets a fresh one.
     */
    @Benchmark
    public SparsityPattern generatedHessianPattern(FreshGenerated f) {
        return f.generated.hessianPattern(f.n);
    }
}
