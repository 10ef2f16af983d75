package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.ad.Objective;
import dev.wengert.benchmarks.GeneratedWorkloads;
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
 * The generated gradient of the extended Rosenbrock function: adjoint code per pair, no allocation.
 * What could fool it: it clears g before scattering, which the analytic code does not need to.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedGradient {
    @Param({"100", "1000", "100000"})
    int n;

    private Objective f;
    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.rosenbrock();
        x = RosenbrockWorkload.start(n);
        g = new double[x.length];
    }

    @Benchmark
    public double gradient() {
        return f.gradient(x, g);
    }
}
