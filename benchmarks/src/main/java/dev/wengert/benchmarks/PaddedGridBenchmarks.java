package dev.wengert.benchmarks;

import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.GridWorkload;
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
 * The grid energy of {@link GridWorkload} written with a padded work array
 * ({@link GeneratedWorkloads#paddedGrid(double[], int, int, double[])}): the generated gradient and HVP against
 * hand-written ones ({@link PaddedGridWorkload}), named as in {@link ThomsonBenchmarks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PaddedGridBenchmarks {

    /** The smooth start of {@link GridWorkload} at n = 40,000, a direction, the outputs and the generated class. */
    @State(Scope.Thread)
    public static class Grid {
        @Param({"40000"})
        int n;

        PaddedGridWorkload workload;
        Objective generated;
        double[] x;
        double[] v;
        double[] g;
        double[] hv;

        /** Builds the inputs and outputs; one call of each generated method sizes the thread's work arrays. */
        @Setup
        public void setUp() {
            workload = new PaddedGridWorkload(n);
            generated = GeneratedWorkloads.paddedGrid(n);
            x = GridWorkload.start(n);
            v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = Math.sin(0.37 * k + 0.1);
            }
            g = new double[n];
            hv = new double[n];
            generated.gradient(x, g);
            generated.hessianVector(x, v, hv);
        }
    }

    /** The energy as written, a padded copy allocated per call: the unit of the ratios to the plain value. */
    @Benchmark
    public double plainValue(Grid s) {
        return s.workload.value(s.x);
    }

    /**
     * Hand-written value and gradient in one pass, boundary by tests on x itself (no padded copy): the
     * baseline of the generated gradient. What could fool it: nothing is cached between calls; g is returned
     * through the value.
     */
    @Benchmark
    public double analyticGradient(Grid s) {
        return s.workload.gradient(s.x, s.g);
    }

    /**
     * The generated gradient: the padded copy in the thread's work array, the stencil with its local adjoint
     * adding into the work array's adjoint, then that adjoint gathered into g. What could fool it: it clears
     * the work arrays and g on every call, which the analytic code does only for g.
     */
    @Benchmark
    public double generatedGradient(Grid s) {
        return s.generated.gradient(s.x, s.g);
    }

    /** Hand-written H v in one pass: the baseline of the generated HVP. */
    @Benchmark
    public double[] analyticHvp(Grid s) {
        s.workload.hessianVector(s.x, s.v, s.hv);
        return s.hv;
    }

    /**
     * The generated H v: forward-over-reverse of the generated gradient, through the work array, its adjoint
     * and their tangents. What could fool it: it also computes the values and the gradient's adjoints the
     * analytic code skips.
     */
    @Benchmark
    public double[] generatedHvp(Grid s) {
        s.generated.hessianVector(s.x, s.v, s.hv);
        return s.hv;
    }
}
