package dev.wengert.benchmarks;

import dev.wengert.ad.workloads.ThomsonWorkload;
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
 * The Thomson workload on the Java peers ({@link dev.wengert.benchmarks.peers}): Commons Math 3 and
 * Hipparchus {@code DerivativeStructure} (variants {@code commonsMathDs}, {@code hipparchusDs}) and
 * Hipparchus {@code Gradient} (variant {@code hipparchusGradient}), read against the baselines of
 * {@link ThomsonBenchmarks} in the same run. Forward mode with 3N free parameters: what could fool
 * every one of them is that allocation and GC dominate, so the figure depends on the heap and collector
 * of the fork ({@code -prof gc} shows the bytes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThomsonPeerBenchmarks {

    /**
     * The points at N = 12 and 100 with order-1 peers. Not N = 1000: every operation costs and allocates
     * 3N + 1 doubles, so one call would be about 5.5 * 10^6 operations on 3001-double structures (some
     * 10^10 flops and 130 GB of garbage per call), seconds to tens of seconds per call.
     */
    @State(Scope.Thread)
    public static class Gradients {
        @Param({"12", "100"})
        int n;

        double[] x;
        double[] g;
        CommonsMathPeer commonsMath;
        HipparchusDsPeer hipparchus;

        /** Builds x, g and the peers' index tables. */
        @Setup
        public void setUp() {
            x = ThomsonWorkload.points(n);
            g = new double[x.length];
            commonsMath = new CommonsMathPeer(x.length, 1);
            hipparchus = new HipparchusDsPeer(x.length, 1);
        }
    }

    /**
     * The points at N = 12 only with order-2 peers: a structure holds C(3N + 2, 2) doubles (703 at N = 12,
     * 45,451 at N = 100), so at N = 100 each of the 54,000 operations of one call would allocate 360 KB
     * and cost some 10^5 flops: about 20 GB of garbage and many seconds per call, and building the
     * order-2 compiler for 300 parameters alone takes its own large tables.
     */
    @State(Scope.Thread)
    public static class Hessians {
        @Param({"12"})
        int n;

        double[] x;
        double[] h;
        CommonsMathPeer commonsMath;
        HipparchusDsPeer hipparchus;

        /** Builds x, h and the peers' index tables. */
        @Setup
        public void setUp() {
            x = ThomsonWorkload.points(n);
            h = new double[x.length * x.length];
            commonsMath = new CommonsMathPeer(x.length, 2);
            hipparchus = new HipparchusDsPeer(x.length, 2);
        }
    }

    /** Value and gradient by Commons Math 3 {@code DerivativeStructure}, order 1, N = 12 and 100. */
    @Benchmark
    public double commonsMathDsGradient(Gradients s) {
        return s.commonsMath.gradient(CommonsMathPeer::thomson, s.x, s.g);
    }

    /** Value and gradient by Hipparchus {@code DerivativeStructure}, order 1, N = 12 and 100. */
    @Benchmark
    public double hipparchusDsGradient(Gradients s) {
        return s.hipparchus.gradient(HipparchusDsPeer::thomson, s.x, s.g);
    }

    /**
     * Value and gradient by Hipparchus {@code Gradient}: first-order forward mode, a {@code double[3N]}
     * of partials per intermediate, N = 12 and 100.
     */
    @Benchmark
    public double hipparchusGradientGradient(Gradients s) {
        return HipparchusGradientPeer.gradient(HipparchusGradientPeer::thomson, s.x, s.g);
    }

    /** Dense Hessian by Commons Math 3 {@code DerivativeStructure}, order 2, N = 12 only. */
    @Benchmark
    public double[] commonsMathDsHessian(Hessians s) {
        s.commonsMath.hessian(CommonsMathPeer::thomson, s.x, s.h);
        return s.h;
    }

    /** Dense Hessian by Hipparchus {@code DerivativeStructure}, order 2, N = 12 only. */
    @Benchmark
    public double[] hipparchusDsHessian(Hessians s) {
        s.hipparchus.hessian(HipparchusDsPeer::thomson, s.x, s.h);
        return s.h;
    }
}
