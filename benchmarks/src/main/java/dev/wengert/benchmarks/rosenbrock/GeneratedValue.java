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
 * The generated value of the extended Rosenbrock function: should equal the plain value. What could
 * fool it: the call goes through {@code Objective}, monomorphic in this fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedValue {
    @Param({"100", "1000", "100000"})
    int n;

    private Objective f;
    private double[] x;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.rosenbrock();
        x = RosenbrockWorkload.start(n);

    }

    @Benchmark
    public double value() {
        return f.value(x);
    }
}
