package dev.wengert.benchmarks.thomson;

import dev.wengert.benchmarks.ThomsonWorkload;
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
 * Hand-written analytic Hessian-vector product, {@code (Hv)_i += B (v_i - v_j)} per pair: the
 * baseline of the HVP variants. The result goes into an array of the state and that array is
 * returned. What could fool it: it computes Hv only, while the tape's HVP also replays the values
 * (and could give the gradient for free); that is the honest comparison for "cost of Hv".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticHvp {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;
    private double[] v;
    private double[] hv;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        v = ThomsonWorkload.direction(x.length);
        hv = new double[x.length];
    }

    @Benchmark
    public double[] hvp() {
        ThomsonWorkload.hessianVector(x, v, hv);
        return hv;
    }
}
