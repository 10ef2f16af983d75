package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.ad.Recording;
import dev.wengert.benchmarks.Recordings;
import dev.wengert.benchmarks.RosenbrockWorkload;
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
 * Dense Hessian in vector mode on a recording made in set-up near x (see {@link dev.wengert.benchmarks.Recordings}), on one thread (the analytic code has
 * one). n = 100 and 1000 only, as for {@link AnalyticHessian}. What could fool it: the sweeps skip
 * the nodes a batch of columns does not reach, and here each column reaches one pair, so the
 * figure shows how well that sparsity pays rather than the cost of n dense HVPs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedHessian {
    @Param({"100", "1000"})
    int n;

    private double[] x;
    private double[] h;
    private Recording recording;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        h = new double[n * n];
        recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
        recording.hessian(x, h, 1);
    }

    @Benchmark
    public double[] hessian() {
        recording.hessian(x, h, 1);
        return h;
    }
}
