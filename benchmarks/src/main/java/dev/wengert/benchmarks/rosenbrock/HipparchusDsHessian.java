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
 * Dense Hessian by Hipparchus {@code DerivativeStructure}, order 2 with n free parameters. n = 100
 * only, for the reason given on {@link CommonsMathDsHessian}. What could fool it: allocation and GC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HipparchusDsHessian {
    @Param({"100"})
    int n;

    private double[] x;
    private double[] h;
    private HipparchusDsPeer peer;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        h = new double[x.length * x.length];
        peer = new HipparchusDsPeer(x.length, 2);
    }

    @Benchmark
    public double[] hessian() {
        peer.hessian(HipparchusDsPeer::rosenbrock, x, h);
        return h;
    }
}
