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
 * Forward-over-reverse HVP on a recording made in set-up near x (see {@link dev.wengert.benchmarks.Recordings}): one tangent sweep and one second-order
 * adjoint sweep. What could fool it: scratch allocated in set-up, as for the gradient; the sweeps
 * touch four node-sized arrays, so at n = 10^5 they run from L3 or memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedHvp {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private double[] v;
    private double[] hv;
    private Recording recording;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        v = RosenbrockWorkload.direction(n);
        hv = new double[n];
        recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
        recording.hessianVector(x, v, hv);
    }

    @Benchmark
    public double[] hvp() {
        recording.hessianVector(x, v, hv);
        return hv;
    }
}
