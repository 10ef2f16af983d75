package dev.wengert.benchmarks.rosenbrock;

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
 * Hand-written Hessian-vector product, one 2x2 block per pair: the baseline of the HVP variants.
 * The result goes into an array of the state, which is returned. What could fool it: it computes
 * Hv only, while the tape's HVP also replays the values and the gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticHvp {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private double[] v;
    private double[] hv;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        v = RosenbrockWorkload.direction(n);
        hv = new double[n];
    }

    @Benchmark
    public double[] hvp() {
        RosenbrockWorkload.hessianVector(x, v, hv);
        return hv;
    }
}
