package dev.wengert.benchmarks;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.SparseHessianMethod;
import dev.wengert.ad.Tape;
import dev.wengert.ad.workloads.RosenbrockWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The extended Rosenbrock workload ({@link RosenbrockWorkload}): every variant of every quantity side
 * by side, named as in {@link ThomsonBenchmarks}. The Java peers are in {@link RosenbrockPeerBenchmarks}.
 *
 * <p>Sizes: n = 10^3 and 10^5 (the sparse-structure sizes of DESIGN.md) for value, gradient and HVP,
 * plus n = 100 so that the peers' Hessians have a size where they finish; dense Hessians at n = 100 and
 * 10^3 only ({@link DenseStart}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockBenchmarks {

    /** The classic start at n = 100, 10^3, 10^5, the direction, the output arrays and the generated class. */
    @State(Scope.Thread)
    public static class Start {
        @Param({"100", "1000", "100000"})
        int n;

        double[] x;
        double[] v;
        double[] g;
        double[] hv;
        Objective generated;

        /** Builds the inputs and outputs, then lets a recording state record and warm up. */
        @Setup
        public void setUp() {
            x = RosenbrockWorkload.start(n);
            v = RosenbrockWorkload.direction(n);
            g = new double[n];
            hv = new double[n];
            generated = GeneratedWorkloads.rosenbrock();
            prepare();
        }

        void prepare() {
        }
    }

    /** The start at n = 100 and 10^3 only, with a dense n x n Hessian (80 GB at n = 10^5). */
    @State(Scope.Thread)
    public static class DenseStart {
        @Param({"100", "1000"})
        int n;

        double[] x;
        double[] h;
        Objective generated;

        /** Builds x and h, then lets a recording state record and warm up. */
        @Setup
        public void setUp() {
            x = RosenbrockWorkload.start(n);
            h = new double[n * n];
            generated = GeneratedWorkloads.rosenbrock();
            prepare();
        }

        void prepare() {
        }
    }

    /** A recording made near x ({@link Recordings}); its first value replay allocates the thread's scratch. */
    public static class ValueRecording extends Start {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
            recording.value(x);
        }
    }

    /** A recording made near x, warmed up by one gradient. */
    public static class GradientRecording extends Start {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
            recording.gradient(x, g);
        }
    }

    /** A recording made near x, warmed up by one HVP. */
    public static class HvpRecording extends Start {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
            recording.hessianVector(x, v, hv);
        }
    }

    /**
     * The start at n = 10^5 and 10^6 for the sparse Hessian (2 x 2 blocks on the diagonal), with a recording
     * warmed up by one gradient: the tape gradient is measured at the same sizes, so that the ratio of the
     * two is taken within one run.
     */
    @State(Scope.Thread)
    public static class SparseStart {
        @Param({"100000", "1000000"})
        int n;

        double[] x;
        double[] g;
        Recording recording;

        /** Records near x and warms up one gradient, then lets a subclass prepare more. */
        @Setup
        public void setUp() {
            x = RosenbrockWorkload.start(n);
            g = new double[n];
            recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
            recording.gradient(x, g);
            prepare();
        }

        void prepare() {
        }
    }

    /** {@link SparseStart} with the pattern and the method's plan worked out, warmed up by one sparse Hessian. */
    public static class SparseRecording extends SparseStart {
        @Param({"EDGE_PUSHING", "STAR_COLORING", "ACYCLIC_COLORING"})
        SparseHessianMethod method;

        double[] values;

        @Override
        void prepare() {
            values = new double[recording.prepareSparseHessian(method).nonZeros()];
            recording.sparseHessian(x, values, method);
        }
    }

    /**
     * {@link SparseStart} with the generated class, its pattern and slots worked out (once per n) and warmed up
     * by one gradient and one sparse Hessian: the generated gradient at the same sizes is the unit of the
     * generated sparse Hessian's target, within one run.
     */
    public static class GeneratedSparse extends SparseStart {
        Objective generated;
        double[] values;

        @Override
        void prepare() {
            generated = GeneratedWorkloads.rosenbrock();
            generated.gradient(x, g);
            values = new double[generated.hessianPattern(n).nonZeros()];
            generated.sparseHessian(x, values);
        }
    }

    /** A recording made near x, warmed up by one dense Hessian on one thread (the analytic code has one). */
    public static class HessianRecording extends DenseStart {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
            recording.hessian(x, h, 1);
        }
    }

    /**
     * The plain {@code double} extended Rosenbrock function, the denominator of every "x plain" ratio.
     * The result is returned and x is a non-final field, so nothing is dead or constant-folded. What
     * could fool it: the loop is short and vectorisable, so at n = 100 the figure is tens of
     * nanoseconds and the timer's granularity and call overhead are part of it; at n = 10^5 x is
     * 800 KB and comes from L2/L3, at n = 10^3 from L1.
     */
    @Benchmark
    public double plainValue(Start s) {
        return RosenbrockWorkload.value(s.x);
    }

    /**
     * The generated value: should equal the plain value. What could fool it: the call goes through
     * {@code Objective}, monomorphic in this fork.
     */
    @Benchmark
    public double generatedValue(Start s) {
        return s.generated.value(s.x);
    }

    /**
     * Replay alone on a recording made in set-up near x ({@link Recordings}), so every call does the
     * full replay. What could fool it: as for the Thomson replay, a recording evaluated at its own
     * recording point could skip the replay.
     */
    @Benchmark
    public double tapeReusedValue(ValueRecording r) {
        return r.recording.value(r.x);
    }

    /**
     * Hand-written analytic gradient and value in one pass: the baseline of every gradient variant.
     * What could fool it: it writes g with plain stores (no clearing, no accumulation), which is what a
     * human writes for a separable function and which the tape and the peers cannot exploit.
     */
    @Benchmark
    public double analyticGradient(Start s) {
        return RosenbrockWorkload.gradient(s.x, s.g);
    }

    /**
     * The generated gradient: adjoint code per pair, no allocation. What could fool it: it clears g
     * before scattering, which the analytic code does not need to.
     */
    @Benchmark
    public double generatedGradient(Start s) {
        return s.generated.gradient(s.x, s.g);
    }

    /**
     * Gradient on a recording made once in set-up: replay plus reverse sweep, the tape's fast path.
     * What could fool it: the recording is made near x, not at x, which would skip the replay
     * ({@link Recordings}); the sweep scratch is allocated by a warm-up call in set-up (the steady state
     * after a user's first call); at n = 10^5 the recording (4.5 * 10^5 nodes, 5.5 MB, plus 8 B per node
     * per scratch array) no longer fits L2, so the ratio there includes memory traffic the plain loop
     * does not have.
     */
    @Benchmark
    public double tapeReusedGradient(GradientRecording r) {
        return r.recording.gradient(r.x, r.g);
    }

    /**
     * Record + gradient in the measurement, {@code Tape.record(f, x).gradient(x, g)}: the cost for a
     * user who does not keep the recording. It pays for the {@code Var} handles, the list of terms, the
     * growth of the tape arrays and their garbage. What could fool it: GC cost depends on heap size and
     * collector, and a short iteration may end before a collection is due; {@code -prof gc} gives the
     * bytes allocated per operation next to the time.
     */
    @Benchmark
    public double tapeRecordGradient(Start s) {
        return Tape.record(RosenbrockWorkload::energy, s.x).gradient(s.x, s.g);
    }

    /**
     * Hand-written Hessian-vector product, one 2x2 block per pair: the baseline of the HVP variants.
     * What could fool it: it computes Hv only, while the tape's HVP also replays the values and the
     * gradient.
     */
    @Benchmark
    public double[] analyticHvp(Start s) {
        RosenbrockWorkload.hessianVector(s.x, s.v, s.hv);
        return s.hv;
    }

    /**
     * The generated Hessian-vector product, no allocation. What could fool it: it may also compute the
     * values the analytic HVP skips.
     */
    @Benchmark
    public double[] generatedHvp(Start s) {
        s.generated.hessianVector(s.x, s.v, s.hv);
        return s.hv;
    }

    /**
     * Forward-over-reverse HVP on a recording made in set-up near x: one tangent sweep and one
     * second-order adjoint sweep. What could fool it: scratch allocated in set-up, as for the gradient;
     * the sweeps touch four node-sized arrays, so at n = 10^5 they run from L3 or memory.
     */
    @Benchmark
    public double[] tapeReusedHvp(HvpRecording r) {
        r.recording.hessianVector(r.x, r.v, r.hv);
        return r.hv;
    }

    /**
     * Hand-written dense n x n Hessian: clear the matrix, write the 2x2 diagonal blocks; n = 100 and
     * 1000 only. What could fool it: at n = 1000 the figure is almost entirely the 8 MB clear, i.e.
     * memory bandwidth; so is most of every other variant's.
     */
    @Benchmark
    public double[] analyticHessian(DenseStart d) {
        RosenbrockWorkload.hessian(d.x, d.h);
        return d.h;
    }

    /**
     * The generated dense Hessian: a local 2x2 block per pair; n = 100 and 1000 only. What could fool it:
     * at n = 1000 clearing the 8 MB matrix dominates.
     */
    @Benchmark
    public double[] generatedHessian(DenseStart d) {
        d.generated.hessian(d.x, d.h);
        return d.h;
    }

    /**
     * Dense Hessian in vector mode on a recording made in set-up near x, on one thread; n = 100 and 1000
     * only. What could fool it: the sweeps skip the nodes a batch of columns does not reach, and here
     * each column reaches one pair, so the figure shows how well that sparsity pays rather than the cost
     * of n dense HVPs.
     */
    @Benchmark
    public double[] tapeReusedHessian(HessianRecording r) {
        r.recording.hessian(r.x, r.h, 1);
        return r.h;
    }

    /**
     * The tape gradient at the sparse Hessian's sizes, on the same recording: the unit of its target.
     * What could fool it: the recording is made near x, so a replay is measured.
     */
    @Benchmark
    public double tapeReusedSparseGradient(SparseStart s) {
        return s.recording.gradient(s.x, s.g);
    }

    /**
     * Sparse Hessian (2 x 2 blocks) on a recording whose pattern and plan were worked out in set-up, by
     * edge pushing or by star or acyclic coloring (2 colors each). What could fool it: the values array is returned.
     */
    @Benchmark
    public double[] tapeReusedSparseHessian(SparseRecording s) {
        s.recording.sparseHessian(s.x, s.values, s.method);
        return s.values;
    }

    /**
     * The generated gradient at the sparse Hessian's sizes: the unit of the generated sparse Hessian's target.
     * What could fool it: nothing beyond {@link #generatedGradient}'s caveats; at 10^6 x is 8 MB and comes
     * from memory.
     */
    @Benchmark
    public double generatedSparseGradient(GeneratedSparse s) {
        return s.generated.gradient(s.x, s.g);
    }

    /**
     * The generated sparse Hessian (2 x 2 blocks added into CSR slots found once per n). What could fool it:
     * the values array is returned, the slots are reused from set-up as a user's second call would.
     */
    @Benchmark
    public double[] generatedSparseHessian(GeneratedSparse s) {
        s.generated.sparseHessian(s.x, s.values);
        return s.values;
    }
}
