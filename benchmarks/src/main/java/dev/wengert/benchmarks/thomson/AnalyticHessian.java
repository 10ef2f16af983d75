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
 * Hand-written dense Hessian (3N x 3N, row-major): one 3x3 block per pair, written straight into
 * the off-diagonal blocks and accumulated into the diagonal ones. N = 12 and 100 only: the target
 * of issue 2 is at N = 100, and at N = 1000 the matrix is 72 MB, so both this and the tape's
 * Hessian would mostly measure writing memory (and the tape's would take seconds per call, too
 * long for the short profile). What could fool it: at N = 100 the matrix (720 KB) may or may not
 * fit the last-level cache of the machine, which moves this baseline more than the tape's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticHessian {
    @Param({"12", "100"})
    int n;

    private double[] x;
    private double[] h;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        h = new double[x.length * x.length];
    }

    @Benchmark
    public double[] hessian() {
        ThomsonWorkload.hessian(x, h);
        return h;
    }
}
