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
 * The plain {@code double} energy, the denominator of every ratio. The result is returned (so it is
 * not dead code) and x is a non-final field (so nothing is constant-folded). What could fool it: it
 * is the one figure every ratio divides by, so its noise is in every ratio; it runs from L1/L2 at
 * every N (x is 24 KB at N = 1000) while the tape at N = 1000 streams tens of MB, so the ratios at
 * large N also measure memory bandwidth, which is the honest comparison but machine-dependent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainValue {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
    }

    @Benchmark
    public double value() {
        return ThomsonWorkload.value(x);
    }
}
