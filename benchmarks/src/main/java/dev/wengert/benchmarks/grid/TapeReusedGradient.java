package dev.wengert.benchmarks.grid;

import dev.wengert.ad.Recording;
import dev.wengert.benchmarks.GridWorkload;
import dev.wengert.benchmarks.Recordings;
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
 * Gradient of the grid energy on a recording made once: the unit of the sparse Hessian's target.
 * What could fool it: the recording is made near x (a replay is measured, not a cached value).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedGradient {
    @Param({"40000", "250000"})
    int n;

    private double[] x;
    private double[] g;
    private Recording recording;

    @Setup
    public void setUp() {
        x = GridWorkload.start(n);
        g = new double[n];
        recording = Recordings.recordNear(GridWorkload::energy, x);
        recording.gradient(x, g);
    }

    @Benchmark
    public double gradient() {
        return recording.gradient(x, g);
    }
}
