package dev.wengert.benchmarks;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import dev.wengert.ad.workloads.ThomsonWorkload;
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
 * The Thomson workload ({@link ThomsonWorkload}, DESIGN.md "Workloads"): every variant of every
 * quantity side by side, the baselines among them. The Java peers are in {@link ThomsonPeerBenchmarks}.
 *
 * <p>Naming, which {@code benchmarks/ratios.py} and {@code report/ReportWriter} rely on: the class is
 * {@code <Workload>Benchmarks} (or {@code <Workload>PeerBenchmarks}); each method is
 * {@code <variant><Quantity>}, the quantity one of {@code Value}, {@code Gradient}, {@code Hvp},
 * {@code Hessian}, {@code SparseHessian}, {@code HessianPattern}; {@code @Param n} is the size and any
 * other {@code @Param} (such as {@code threads}) is part of the variant. Variants: {@code plain} (the
 * plain {@code double} function, the baseline of every ratio), {@code analytic} (hand-written
 * derivatives, the baseline of each quantity), {@code generated} (the {@code @Differentiate} classes of
 * {@link GeneratedWorkloads}), {@code tapeReused} (a recording made in set-up, replayed and swept in the
 * measurement) and {@code tapeRecord} (recording inside the measurement).
 *
 * <p>The sizes and the recordings are nested {@code @State}s, built outside the measurement; every
 * method returns its result or the array it wrote, so the JIT can neither drop nor hoist the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThomsonBenchmarks {

    /** The Fibonacci points at N = 12, 100, 1000, the direction, the output arrays and the generated class. */
    @State(Scope.Thread)
    public static class Points {
        @Param({"12", "100", "1000"})
        int n;

        double[] x;
        double[] v;
        double[] g;
        double[] hv;
        Objective generated;

        /** Builds the inputs and outputs, then lets a recording state record and warm up. */
        @Setup
        public void setUp() {
            x = ThomsonWorkload.points(n);
            v = ThomsonWorkload.direction(x.length);
            g = new double[x.length];
            hv = new double[x.length];
            generated = GeneratedWorkloads.thomson();
            prepare();
        }

        void prepare() {
        }
    }

    /**
     * The points at N = 12 and 100 only, with a dense 3N x 3N Hessian: the dense-Hessian goal is at N = 100,
     * and at N = 1000 the matrix is 72 MB, so every dense Hessian would mostly measure writing memory (and
     * the tape's would take seconds per call, too long for the short profile).
     */
    @State(Scope.Thread)
    public static class DensePoints {
        @Param({"12", "100"})
        int n;

        double[] x;
        double[] h;
        Objective generated;

        /** Builds x and h, then lets a recording state record and warm up. */
        @Setup
        public void setUp() {
            x = ThomsonWorkload.points(n);
            h = new double[x.length * x.length];
            generated = GeneratedWorkloads.thomson();
            prepare();
        }

        void prepare() {
        }
    }

    /** A recording made near x ({@link Recordings}); its first value replay allocates the thread's scratch. */
    public static class ValueRecording extends Points {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(ThomsonWorkload::energy, x);
            recording.value(x);
        }
    }

    /** A recording made near x, warmed up by one gradient (the steady state after a user's first call). */
    public static class GradientRecording extends Points {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(ThomsonWorkload::energy, x);
            recording.gradient(x, g);
        }
    }

    /** A recording made near x, warmed up by one HVP (four arrays of 8 bytes per node of scratch). */
    public static class HvpRecording extends Points {
        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(ThomsonWorkload::energy, x);
            recording.hessianVector(x, v, hv);
        }
    }

    /** A recording made near x, warmed up by one dense Hessian on {@code threads} threads. */
    public static class HessianRecording extends DensePoints {
        @Param({"1", "2"})
        int threads;

        Recording recording;

        @Override
        void prepare() {
            recording = Recordings.recordNear(ThomsonWorkload::energy, x);
            recording.hessian(x, h, threads);
        }
    }

    /**
     * The plain {@code double} energy, the denominator of every ratio. The result is returned (so it is
     * not dead code) and x is a non-final field (so nothing is constant-folded). What could fool it: it
     * is the one figure every ratio divides by, so its noise is in every ratio; it runs from L1/L2 at
     * every N (x is 24 KB at N = 1000) while the tape at N = 1000 streams tens of MB, so the ratios at
     * large N also measure memory bandwidth, which is the honest comparison but machine-dependent.
     */
    @Benchmark
    public double plainValue(Points p) {
        return ThomsonWorkload.value(p.x);
    }

    /**
     * The generated value ({@code @Differentiate} on {@code GeneratedWorkloads.thomson}): should equal
     * the plain value, since it is the same loop re-emitted. What could fool it: the call goes through
     * the {@code Objective} interface, monomorphic in this fork, so the JIT inlines it.
     */
    @Benchmark
    public double generatedValue(Points p) {
        return p.generated.value(p.x);
    }

    /**
     * Replay alone: {@code Recording.value(x)} on a recording made in set-up (a value sweep plus the
     * input and guard checks). It has no goal of its own; it splits the gradient's cost into replay and
     * reverse sweep. What could fool it: a recording may answer at its recording point without a
     * replay, so the recording is made near x ({@link Recordings}) and every call does the full replay.
     */
    @Benchmark
    public double tapeReusedValue(ValueRecording r) {
        return r.recording.value(r.x);
    }

    /**
     * Hand-written analytic gradient (and value, as {@code Objective.gradient} returns it): the
     * baseline of every gradient variant. The gradient goes into an array of the state and the value is
     * returned, so neither can be eliminated. What could fool it: nothing workload-specific; like the
     * plain value it is cache-resident at every N.
     */
    @Benchmark
    public double analyticGradient(Points p) {
        return ThomsonWorkload.gradient(p.x, p.g);
    }

    /**
     * The generated gradient: adjoint code per pair, no tape, no allocation (the target is the analytic
     * gradient). What could fool it: nothing beyond what fools {@link #analyticGradient}; run with
     * {@code -prof gc} to confirm 0 B per operation.
     */
    @Benchmark
    public double generatedGradient(Points p) {
        return p.generated.gradient(p.x, p.g);
    }

    /**
     * The fast path: gradient on a recording made once in set-up, i.e. a value replay plus
     * a reverse sweep (target: at most 5x the plain energy at N = 100 and 1000). What could fool it:
     * the thread's sweep scratch is allocated by a warm-up call in set-up, as it would be after a
     * user's first call, so the figure is the steady state; the recording is made near x, not at x
     * ({@link Recordings}): a recording may answer at its recording point without a replay, which an
     * optimiser's new iterates never get. x is the same every call, which keeps x and g hot.
     */
    @Benchmark
    public double tapeReusedGradient(GradientRecording r) {
        return r.recording.gradient(r.x, r.g);
    }

    /**
     * Record + gradient in the measurement, the way a user without a reused recording writes it:
     * {@code Tape.record(f, x).gradient(x, g)} (target: at most 12x the plain energy). It pays for the
     * {@code Var} handles, the frozen copy of the tape, a replay (a {@code Recording} holds no values) and
     * the reverse sweep, and the GC of all that. What could fool it: GC cost depends on the
     * heap size and collector of the fork, and a short iteration may end before a collection is due;
     * run with {@code -prof gc} to see the bytes allocated per operation alongside the time.
     */
    @Benchmark
    public double tapeRecordGradient(Points p) {
        return Tape.record(ThomsonWorkload::energy, p.x).gradient(p.x, p.g);
    }

    /**
     * The recording alone, {@code Tape.record(f, x)}: the function run on {@code Var}s and the tape frozen
     * (dead-code pass, the arrays copied out of the thread's builder), no derivative. It and
     * {@link #tapeReusedGradient} (a replay and a reverse sweep) add up to {@link #tapeRecordGradient}; set
     * against {@link #tapeOneCallGradient} (recording and a reverse sweep, no freezing) it tells the freezing
     * from the recording. What could fool it: nothing is evaluated, but JMH consumes the returned
     * {@code Recording}, so the tape is built in full every call.
     */
    @Benchmark
    public Recording tapeRecording(Points p) {
        return Tape.record(ThomsonWorkload::energy, p.x);
    }

    /**
     * Record + gradient in one call, {@code Derivatives.gradient(f, x, g)}: what a user who records at every
     * point calls (and what {@code Derivatives.gradient(f, x)} costs, less its result array). The recording
     * is swept where it was made and dropped, with no {@code Recording} built and no replay: the difference
     * from {@link #tapeRecordGradient} is the frozen copy of the tape and the value sweep.
     */
    @Benchmark
    public double tapeOneCallGradient(Points p) {
        return Derivatives.gradient(ThomsonWorkload::energy, p.x, p.g);
    }

    /**
     * As {@link #tapeOneCallGradient}, with the energy written as the plain double loop handing each pair's
     * term to {@code Var.sum(tape, terms -> ...)} ({@code ThomsonWorkload.energyFromLoop}): the same tape.
     */
    @Benchmark
    public double tapeOneCallLoopGradient(Points p) {
        return Derivatives.gradient(ThomsonWorkload::energyFromLoop, p.x, p.g);
    }

    /**
     * Record + gradient with the energy written through a {@code List<Var>} of the pair terms and
     * {@code Var.sum(list)} ({@code ThomsonWorkload.energyFromList}): the same tape as
     * {@link #tapeRecordGradient}, which takes each term as it is recorded; the difference is the list,
     * its array copy and the terms it keeps alive through the recording.
     */
    @Benchmark
    public double tapeRecordFromListGradient(Points p) {
        return Tape.record(ThomsonWorkload::energyFromList, p.x).gradient(p.x, p.g);
    }

    /**
     * Hand-written analytic Hessian-vector product, {@code (Hv)_i += B (v_i - v_j)} per pair: the
     * baseline of the HVP variants. What could fool it: it computes Hv only, while the tape's HVP also
     * replays the values (and could give the gradient for free); that is the honest comparison for
     * "cost of Hv".
     */
    @Benchmark
    public double[] analyticHvp(Points p) {
        ThomsonWorkload.hessianVector(p.x, p.v, p.hv);
        return p.hv;
    }

    /**
     * The generated Hessian-vector product: forward-over-reverse per pair, no allocation. What could fool
     * it: like the tape, it may also compute the values the analytic HVP skips.
     */
    @Benchmark
    public double[] generatedHvp(Points p) {
        p.generated.hessianVector(p.x, p.v, p.hv);
        return p.hv;
    }

    /**
     * Forward-over-reverse HVP on a recording made in set-up near x: one tangent sweep (values and
     * tangents) and one second-order adjoint sweep (target: at most 12x the plain energy). What could
     * fool it: as for the reused gradient, the scratch is allocated by a warm-up call in set-up; the
     * sweep reads and writes all four scratch arrays, so at N = 1000 it is bandwidth-bound.
     */
    @Benchmark
    public double[] tapeReusedHvp(HvpRecording r) {
        r.recording.hessianVector(r.x, r.v, r.hv);
        return r.hv;
    }

    /**
     * Hand-written dense Hessian (3N x 3N, row-major): one 3x3 block per pair, written straight into
     * the off-diagonal blocks and accumulated into the diagonal ones; N = 12 and 100 only
     * ({@link DensePoints}). What could fool it: at N = 100 the matrix (720 KB) may or may not fit the
     * last-level cache of the machine, which moves this baseline more than the tape's.
     */
    @Benchmark
    public double[] analyticHessian(DensePoints d) {
        ThomsonWorkload.hessian(d.x, d.h);
        return d.h;
    }

    /**
     * The generated dense Hessian: a local 6x6 Hessian per pair scattered into h; N = 12 and 100 only.
     * What could fool it: at N = 100 writing the 720 KB matrix.
     */
    @Benchmark
    public double[] generatedHessian(DensePoints d) {
        d.generated.hessian(d.x, d.h);
        return d.h;
    }

    /**
     * Dense Hessian on a recording made in set-up near x (target: at most 150x the plain energy at
     * N = 100); N = 12 and 100 only. The recording chooses edge pushing on its first call (in set-up),
     * which runs on the calling thread, so {@code threads} changes nothing here; it is the number of
     * threads the vector mode would share its column batches among, for recordings that fall back to
     * it. What could fool it: the choice is made in set-up, so the measurement never pays for it.
     */
    @Benchmark
    public double[] tapeReusedHessian(HessianRecording r) {
        r.recording.hessian(r.x, r.h, r.threads);
        return r.h;
    }
}
