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
 * The plain {@code double} extended Rosenbrock function, the denominator of every "x plain" ratio.
 * The result is returned and x is a non-final field, so nothing is dead or constant-folded. What
 * could fool it: the loop is short and vectorisable, so at n = 100 the figure is tens of
 * nanoseconds and the timer's granularity and call overhead are part of it; at n = 10^5 x is
 * 800 KB and comes from L2/L3, at n = 10^3 from L1.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainValue {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
    }

    @Benchmark
    public double value() {
        return RosenbrockWorkload.value(x);
    }
}
