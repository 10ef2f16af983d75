package dev.wengert.benchmarks.thomson;

import dev.wengert.ad.Tape;
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
 * Record + gradient in the measurement, the way a user without a reused recording writes it:
 * {@code Tape.record(f, x).gradient(x, g)} (target: at most 10x the plain energy). It pays for the
 * {@code Var} handles, the list of pair terms, the geometric growth of the tape arrays, the
 * recording's fresh scratch, and the GC of all that. What could fool it: GC cost depends on the
 * heap size and collector of the fork, and a short iteration may end before a collection is due;
 * run with {@code -prof gc} to see the bytes allocated per operation alongside the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeRecordGradient {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;
    private double[] g;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        g = new double[x.length];
    }

    @Benchmark
    public double gradient() {
        return Tape.record(ThomsonWorkload::energy, x).gradient(x, g);
    }
}
