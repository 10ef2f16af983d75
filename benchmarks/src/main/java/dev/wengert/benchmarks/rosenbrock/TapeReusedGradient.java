package dev.wengert.benchmarks.rosenbrock;

import dev.wengert.ad.Recording;
import dev.wengert.benchmarks.Recordings;
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
 * Gradient on a recording made once in set-up: replay plus reverse sweep, the tape's fast path.
 * What could fool it: the recording is made near x, not at x, which would skip the replay
 * ({@link dev.wengert.benchmarks.Recordings}); the sweep scratch is allocated by a warm-up call in
 * set-up (the steady state after a user's first call); at n = 10^5 the recording (4.5 * 10^5
 * nodes, 5.5 MB, plus 8 B per node per scratch array) no longer fits L2, so the ratio there includes
 * memory traffic the plain loop does not have.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedGradient {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private double[] g;
    private Recording recording;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        g = new double[n];
        recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
        recording.gradient(x, g);
    }

    @Benchmark
    public double gradient() {
        return recording.gradient(x, g);
    }
}
