package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.benchmarks.RosenbrockWorkload;
import dev.wengert.benchmarks.peers.HipparchusGradientPeer;
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
 * Value and gradient by Hipparchus {@code Gradient} (variant {@code HipparchusGradient}, quantity
 * gradient): first-order forward mode with a {@code double[n]} of partials per intermediate. n = 100
 * and 1000 only, for the reason given on {@link CommonsMathDsGradient}. What could fool it:
 * allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HipparchusGradientGradient {
    @Param({"100", "1000"})
    int n;

    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[x.length];
    }

    @Benchmark
    public double gradient() {
        return HipparchusGradientPeer.gradient(HipparchusGradientPeer::rosenbrock, x, g);
    }
}
