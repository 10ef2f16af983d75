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
 * The generated dense Hessian: a local 6x6 Hessian per pair scattered into h. N = 12 and 100 only, for
 * the reason given on {@link AnalyticHessian}. What could fool it: at N = 100 writing the 720 KB matrix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedHessian {
    @Param({"12", "100"})
    int n;

    private Objective f;
    private double[] x;
    private double[] h;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.thomson();
        x = ThomsonWorkload.points(n);
        h = new double[x.length * x.length];
    }

    @Benchmark
    public double[] hessian() {
        f.hessian(x, h);
        return h;
    }
}
