package dev.wengert.benchmarks.thomson;

import dev.wengert.benchmarks.ThomsonWorkload;
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
 * Value and gradient by Hipparchus {@code DerivativeStructure}, order 1 with 3N free parameters
 * (see {@link dev.wengert.benchmarks.peers.HipparchusDsPeer}). N = 12 and 100 only, for the reason
 * given on {@link CommonsMathDsGradient}. What could fool it: allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HipparchusDsGradient {
    @Param({"12", "100"})
    int n;

    private double[] x;
    private double[] g;
    private HipparchusDsPeer peer;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        g = new double[x.length];
        peer = new HipparchusDsPeer(x.length, 1);
    }

    @Benchmark
    public double gradient() {
        return peer.gradient(HipparchusDsPeer::thomson, x, g);
    }
}
