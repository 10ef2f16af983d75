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
 * Sparse Hessian of the grid energy on a recording whose pattern and star coloring were worked out
 * in set-up (they are, once per recording): replay, reverse sweep, colored forward-over-reverse sweeps,
 * recovery into CSR. What could fool it: the values array is returned so the work is not dead; the
 * pattern's cost is measured apart ({@link TapeReusedHessianPattern}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedSparseHessian {
    @Param({"40000", "250000"})
    int n;

    private double[] x;
    private double[] values;
    private Recording recording;

    @Setup
    public void setUp() {
        x = GridWorkload.start(n);
        recording = Recordings.recordNear(GridWorkload::energy, x);
        values = new double[recording.hessianPattern().nonZeros()];
        recording.sparseHessian(x, values);
    }

    @Benchmark
    public double[] sparseHessian() {
        recording.sparseHessian(x, values);
        return values;
    }
}
