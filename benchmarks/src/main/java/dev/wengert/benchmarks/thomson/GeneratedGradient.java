package dev.wengert.benchmarks.thomson;

import dev.wengert.ad.Objective;
import dev.wengert.benchmarks.GeneratedWorkloads;
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
 * The generated gradient: adjoint code per pair, no tape, no allocation (the target is the analytic
 * gradient). What could fool it: nothing beyond what fools {@link AnalyticGradient}; run with
 * {@code -prof gc} to confirm 0 B per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedGradient {
    @Param({"12", "100", "1000"})
    int n;

    private Objective f;
    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.thomson();
        x = ThomsonWorkload.points(n);
        g = new double[x.length];
    }

    @Benchmark
    public double gradient() {
        return f.gradient(x, g);
    }
}
