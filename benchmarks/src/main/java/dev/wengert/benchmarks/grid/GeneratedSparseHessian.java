package dev.wengert.benchmarks.grid;

import dev.wengert.ad.Differentiate;
import dev.wengert.ad.Objective;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.benchmarks.GridWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The grid energy's sparse Hessian from the generated class: per-cell local Hessians added into
 * slots found once per n, against the generated gradient of the same class. {@code hessianPattern}
 * measures the once-per-n cost (the listing of the entries and their slots); what could fool it: the
 * layout is cached on an instance, so every invocation gets a fresh one (made in set-up, not measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratedSparseHessian {
    @Param({"40000", "250000"})
    int n;

    private double[] x;
    private double[] g;
    private double[] values;
    private Objective generated;
    private Objective fresh;

    /**
     * The energy of {@link GridWorkload#energy(double[])} on a {@code rows x m} grid, the top
     * boundary given as data: the source of {@code GeneratedSparseHessianAreaDerivatives}.
     */
    @Differentiate
    static double area(double[] x, int rows, int m, double[] top) {
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double here = x[i * m + j];
                double right = j + 1 < m ? x[i * m + j + 1] : 0;
                double up = i + 1 < rows ? x[(i + 1) * m + j] : top[j];
                double dx = right - here;
                double dy = up - here;
                e += Math.sqrt(1 + dx * dx + dy * dy);
            }
        }
        return e;
    }

    private Objective newInstance() {
        int rows = GridWorkload.rows(n);
        int m = n / rows;
        double[] top = new double[m];
        for (int j = 0; j < m; j++) {
            top[j] = Math.sin(Math.PI * (j + 1) / (m + 1));
        }
        return new GeneratedSparseHessianAreaDerivatives(rows, m, top);
    }

    @Setup(Level.Trial)
    public void setUp() {
        x = GridWorkload.start(n);
        g = new double[n];
        generated = newInstance();
        values = new double[generated.hessianPattern(n).nonZeros()];
        generated.sparseHessian(x, values);
    }

    @Setup(Level.Invocation)
    public void freshInstance() {
        fresh = newInstance();
    }

    /** The generated gradient: the unit of the sparse Hessian. */
    @Benchmark
    public double gradient() {
        return generated.gradient(x, g);
    }

    /** The sparse Hessian with the layout for n cached. */
    @Benchmark
    public double[] sparseHessian() {
        generated.sparseHessian(x, values);
        return values;
    }

    /** The once-per-n cost: the pattern and the slot of every entry. */
    @Benchmark
    public SparsityPattern hessianPattern() {
        return fresh.hessianPattern(n);
    }
}
