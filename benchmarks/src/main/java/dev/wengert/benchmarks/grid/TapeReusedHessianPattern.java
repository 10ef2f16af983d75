package dev.wengert.benchmarks.grid;

import dev.wengert.ad.Recording;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.Tape;
import dev.wengert.benchmarks.GridWorkload;
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
 * The once-per-recording cost of a sparse Hessian: the Hessian pattern by nonlinear interaction sets
 * and its star coloring. What could fool it: both are cached on a recording, so every invocation gets a
 * fresh recording (made in per-invocation set-up, not measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedHessianPattern {
    @Param({"40000", "250000"})
    int n;

    private double[] x;
    private Recording recording;

    @Setup(Level.Trial)
    public void start() {
        x = GridWorkload.start(n);
    }

    @Setup(Level.Invocation)
    public void record() {
        recording = Tape.record(GridWorkload::energy, x);
    }

    @Benchmark
    public SparsityPattern hessianPattern() {
        recording.hessianColoring();
        return recording.hessianPattern();
    }
}
