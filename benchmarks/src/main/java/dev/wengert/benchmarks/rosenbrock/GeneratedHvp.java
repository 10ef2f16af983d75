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
 * The generated Hessian-vector product of the extended Rosenbrock function, no allocation. What could
 * fool it: it may also compute the values the analytic HVP skips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedHvp {
    @Param({"100", "1000", "100000"})
    int n;

    private Objective f;
    private double[] x;
    private double[] v;
    private double[] hv;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.rosenbrock();
        x = RosenbrockWorkload.start(n);
        v = RosenbrockWorkload.direction(x.length);
        hv = new double[x.length];
    }

    @Benchmark
    public double[] hvp() {
        f.hessianVector(x, v, hv);
        return hv;
    }
}
