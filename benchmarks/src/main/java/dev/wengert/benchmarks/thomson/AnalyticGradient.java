package dev.wengert.benchmarks.thomson;

import dev.wengert.benchmarks.ThomsonWorkload;
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
 * Hand-written analytic gradient (and value, as {@code Objective.gradient} returns it): the
 * baseline of every gradient variant. The gradient goes into an array of the state and the value is
 * returned, so neither can be eliminated. What could fool it: nothing workload-specific; like the
 * plain value it is cache-resident at every N.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticGradient {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        g = new double[x.length];
    }

    @Benchmark
    public double gradient() {
        return ThomsonWorkload.gradient(x, g);
    }
}
