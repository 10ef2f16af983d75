package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.benchmarks.RosenbrockWorkload;
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
 * Value and gradient by Commons Math 3 {@code DerivativeStructure}, order 1 with n free parameters
 * (see {@link dev.wengert.benchmarks.peers.CommonsMathPeer}). n = 100 and 1000 only: every operation
 * costs and allocates n + 1 doubles, so at n = 10^5 one call is some 4 * 10^5 operations on
 * 800 KB structures (4 * 10^10 flops, 300 GB of garbage), a minute or so per call. Forward mode
 * cannot see that each pair touches two inputs. What could fool it: allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommonsMathDsGradient {
    @Param({"100", "1000"})
    int n;

    private double[] x;
    private double[] g;
    private CommonsMathPeer peer;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[x.length];
        peer = new CommonsMathPeer(x.length, 1);
    }

    @Benchmark
    public double gradient() {
        return peer.gradient(CommonsMathPeer::rosenbrock, x, g);
    }
}
