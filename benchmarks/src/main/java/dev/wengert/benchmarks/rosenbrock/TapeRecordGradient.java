package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.benchmarks.RosenbrockWorkload;
import dev.wengert.ad.Tape;
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
 * Record + gradient in the measurement, {@code Tape.record(f, x).gradient(x, g)}: the cost for a
 * user who does not keep the recording. It pays for the {@code Var} handles, the list of terms, the
 * growth of the tape arrays and their garbage. What could fool it: GC cost depends on heap size and
 * collector, and a short iteration may end before a collection is due; {@code -prof gc} gives the
 * bytes allocated per operation next to the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeRecordGradient {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[n];
    }

    @Benchmark
    public double gradient() {
        return Tape.record(RosenbrockWorkload::energy, x).gradient(x, g);
    }
}
