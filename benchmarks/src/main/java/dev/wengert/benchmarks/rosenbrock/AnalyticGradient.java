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
 * Hand-written analytic gradient and value in one pass: the baseline of every gradient variant.
 * The gradient goes into an array of the state and the value is returned. What could fool it: it
 * writes g with plain stores (no clearing, no accumulation), which is what a human writes for a
 * separable function and which the tape and the peers cannot exploit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticGradient {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[n];
    }

    @Benchmark
    public double gradient() {
        return RosenbrockWorkload.gradient(x, g);
    }
}
