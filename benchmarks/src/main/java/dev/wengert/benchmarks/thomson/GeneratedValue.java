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
 * The generated value ({@code @Differentiate} on {@code GeneratedWorkloads.thomson}): should equal
 * the plain value, since it is the same loop re-emitted. What could fool it: the call goes through
 * the {@code Objective} interface, monomorphic in this fork, so the JIT inlines it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedValue {
    @Param({"12", "100", "1000"})
    int n;

    private Objective f;
    private double[] x;

    @Setup
    public void setUp() {
        f = GeneratedWorkloads.thomson();
        x = ThomsonWorkload.points(n);

    }

    @Benchmark
    public double value() {
        return f.value(x);
    }
}
