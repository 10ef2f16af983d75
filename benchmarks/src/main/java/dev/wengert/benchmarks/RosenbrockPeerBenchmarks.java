package dev.wengert.benchmarks;

import dev.wengert.ad.workloads.RosenbrockWorkload;
import dev.wengert.benchmarks.peers.CommonsMathPeer;
import dev.wengert.benchmarks.peers.HipparchusDsPeer;
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
 * The extended Rosenbrock workload on the Java peers ({@link dev.wengert.benchmarks.peers}): Commons Math 3 and
 * Hipparchus {@code DerivativeStructure} (variants {@code commonsMathDs}, {@code hipparchusDs}) and
 * Hipparchus {@code Gradient} (variant {@code hipparchusGradient}), read against the baselines of
 * {@link RosenbrockBenchmarks} in the same run. Forward mode with n free parameters: what could fool
 * every one of them is that allocation and GC dominate, so the figure depends on the heap and collector
 * of the fork ({@code -prof gc} shows the bytes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockPeerBenchmarks {

    /**
     * The start at n = 100 and 1000 with order-1 peers. Not n = 10^5: every operation costs and allocates
     * n + 1 doubles, so one call would be some 4 * 10^5 operations on 800 KB structures (4 * 10^10 flops,
     * 300 GB of garbage), a minute or so per call. Forward mode cannot see that each pair touches two
     * inputs.
     */
    @State(Scope.Thread)
    public static class Gradients {
        @Param({"100", "1000"})
        int n;

        double[] x;
        double[] g;
        CommonsMathPeer commonsMath;
        HipparchusDsPeer hipparchus;

        /** Builds x, g and the peers' index tables. */
        @Setup
        public void setUp() {
            x = RosenbrockWorkload.start(n);
            g = new double[x.length];
            commonsMath = new CommonsMathPeer(x.length, 1);
            hipparchus = new HipparchusDsPeer(x.length, 1);
        }
    }

    /**
     * The start at n = 100 only with order-2 peers: a structure holds C(n + 2, 2) doubles (5,151 at
     * n = 100, about 500,000 = 4 MB at n = 1000), so at n = 1000 one call would allocate some 16 GB and
     * run for many seconds.
     */
    @State(Scope.Thread)
    public static class Hessians {
        @Param({"100"})
        int n;

        double[] x;
        double[] h;
        CommonsMathPeer commonsMath;
        HipparchusDsPeer hipparchus;

        /** Builds x, h and the peers' index tables. */
        @Setup
        public void setUp() {
            x = RosenbrockWorkload.start(n);
            h = new double[x.length * x.length];
            commonsMath = new CommonsMathPeer(x.length, 2);
            hipparchus = new HipparchusDsPeer(x.length, 2);
        }
    }

    /** Value and gradient by Commons Math 3 {@code DerivativeStructure}, order 1, n = 100 and 1000. */
    @Benchmark
    public double commonsMathDsGradient(Gradients s) {
        return s.commonsMath.gradient(CommonsMathPeer::rosenbrock, s.x, s.g);
    }

    /** Value and gradient by Hipparchus {@code DerivativeStructure}, order 1, n = 100 and 1000. */
    @Benchmark
    public double hipparchusDsGradient(Gradients s) {
        return s.hipparchus.gradient(HipparchusDsPeer::rosenbrock, s.x, s.g);
    }

    /**
     * Value and gradient by Hipparchus {@code Gradient}: first-order forward mode, a {@code double[n]}
     * of partials per intermediate, n = 100 and 1000.
     */
    @Benchmark
    public double hipparchusGradientGradient(Gradients s) {
        return HipparchusGradientPeer.gradient(HipparchusGradientPeer::rosenbrock, s.x, s.g);
    }

    /** Dense Hessian by Commons Math 3 {@code DerivativeStructure}, order 2, n = 100 only. */
    @Benchmark
    public double[] commonsMathDsHessian(Hessians s) {
        s.commonsMath.hessian(CommonsMathPeer::rosenbrock, s.x, s.h);
        return s.h;
    }

    /** Dense Hessian by Hipparchus {@code DerivativeStructure}, order 2, n = 100 only. */
    @Benchmark
    public double[] hipparchusDsHessian(Hessians s) {
        s.hipparchus.hessian(HipparchusDsPeer::rosenbrock, s.x, s.h);
        return s.h;
    }
}
