package dev.wengert.benchmarks.thomson;

import dev.wengert.benchmarks.ThomsonWorkload;
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
 * gradient): first-order forward mode, a {@code double[3N]} of partials per intermediate (see
 * {@link dev.wengert.benchmarks.peers.HipparchusGradientPeer}). N = 12 and 100 only, for the reason
 * given on {@link CommonsMathDsGradient}. What could fool it: allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HipparchusGradientGradient {
    @Param({"12", "100"})
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
        return HipparchusGradientPeer.gradient(HipparchusGradientPeer::thomson, x, g);
    }
}
