package dev.wengert.benchmarks.thomson;

import dev.wengert.benchmarks.ThomsonWorkload;
import dev.wengert.benchmarks.peers.CommonsMathPeer;
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
 * Value and gradient by Commons Math 3 {@code DerivativeStructure}, order 1 with 3N free parameters
 * (see {@link dev.wengert.benchmarks.peers.CommonsMathPeer}). N = 12 and 100 only: every operation
 * costs and allocates 3N + 1 doubles, so at N = 1000 one call is about 5.5 * 10^6 operations on
 * 3001-double structures (some 10^10 flops and 130 GB of garbage per call), seconds to tens of
 * seconds per call. What could fool it: the cost is dominated by allocation and GC, so it depends on
 * the heap and collector of the fork ({@code -prof gc} shows the bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommonsMathDsGradient {
    @Param({"12", "100"})
    int n;

    private double[] x;
    private double[] g;
    private CommonsMathPeer peer;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        g = new double[x.length];
        peer = new CommonsMathPeer(x.length, 1);
    }

    @Benchmark
    public double gradient() {
        return peer.gradient(CommonsMathPeer::thomson, x, g);
    }
}
