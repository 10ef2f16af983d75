package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.benchmarks.RosenbrockWorkload;
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
 * Hand-written dense n x n Hessian: clear the matrix, write the 2x2 diagonal blocks. n = 100 and
 * 1000 only: at n = 10^5 the dense matrix would be 80 GB (its 2x2 blocks are the whole content,
 * which is what the HVP benchmarks measure instead). What could fool it: at n = 1000 the figure is
 * almost entirely the 8 MB clear, i.e. memory bandwidth; so is most of every other variant's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyticHessian {
    @Param({"100", "1000"})
    int n;

    private double[] x;
    private double[] h;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        h = new double[n * n];
    }

    @Benchmark
    public double[] hessian() {
        RosenbrockWorkload.hessian(x, h);
        return h;
    }
}
