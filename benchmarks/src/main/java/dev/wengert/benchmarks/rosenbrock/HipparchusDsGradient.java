package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.benchmarks.RosenbrockWorkload;
import dev.wengert.benchmarks.peers.HipparchusDsPeer;
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
 * Value and gradient by Hipparchus {@code DerivativeStructure}, order 1 with n free parameters.
 * n = 100 and 1000 only, for the reason given on {@link CommonsMathDsGradient}. What could fool it:
 * allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HipparchusDsGradient {
    @Param({"100", "1000"})
    int n;

    private double[] x;
    private double[] g;
    private HipparchusDsPeer peer;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[x.length];
        peer = new HipparchusDsPeer(x.length, 1);
    }

    @Benchmark
    public double gradient() {
        return peer.gradient(HipparchusDsPeer::rosenbrock, x, g);
    }
}
