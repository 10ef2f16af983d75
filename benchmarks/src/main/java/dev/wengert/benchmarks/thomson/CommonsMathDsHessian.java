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
 * Dense Hessian by Commons Math 3 {@code DerivativeStructure}, order 2 with 3N free parameters.
 * N = 12 only: a structure holds C(3N + 2, 2) doubles (703 at N = 12, 45,451 at N = 100), so at
 * N = 100 each of the 54,000 operations of one call allocates 360 KB and costs some 10^5 flops:
 * about 20 GB of garbage and many seconds per call, and building the order-2 compiler for 300
 * parameters alone takes its own large tables. What could fool it: as for the gradient, mostly
 * allocation and GC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommonsMathDsHessian {
    @Param({"12"})
    int n;

    private double[] x;
    private double[] h;
    private CommonsMathPeer peer;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        h = new double[x.length * x.length];
        peer = new CommonsMathPeer(x.length, 2);
    }

    @Benchmark
    public double[] hessian() {
        peer.hessian(CommonsMathPeer::thomson, x, h);
        return h;
    }
}
