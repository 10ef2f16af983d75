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
 * Dense Hessian by Commons Math 3 {@code DerivativeStructure}, order 2 with n free parameters.
 * n = 100 only: a structure holds C(n + 2, 2) doubles (5,151 at n = 100, about 500,000 = 4 MB at
 * n = 1000), so at n = 1000 one call allocates some 16 GB and runs for many seconds. What could fool
 * it: allocation and GC dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommonsMathDsHessian {
    @Param({"100"})
    int n;

    private double[] x;
    private double[] h;
    private CommonsMathPeer peer;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        h = new double[x.length * x.length];
        peer = new CommonsMathPeer(x.length, 2);
    }

    @Benchmark
    public double[] hessian() {
        peer.hessian(CommonsMathPeer::rosenbrock, x, h);
        return h;
    }
}
