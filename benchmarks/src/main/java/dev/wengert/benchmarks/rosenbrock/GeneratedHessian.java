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
 * The generated dense Hessian of the extended Rosenbrock function: a local 2x2 block per pair. n = 100
 * and 1000 only (80 GB at 10^5). What could fool it: at n = 1000 clearing the 8 MB matrix dominates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedHessian {
    @Param({"100", "1000"})
    int n;

    private Objective f;
    private double[] x;
    private double[] h;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.rosenbrock();
        x = RosenbrockWorkload.start(n);
        h = new double[x.length * x.length];
    }

    @Benchmark
    public double[] hessian() {
        f.hessian(x, h);
        return h;
    }
}
