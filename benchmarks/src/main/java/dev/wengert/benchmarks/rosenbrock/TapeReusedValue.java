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
 * Replay alone on a recording made in set-up ({@code Recording.value}): splits the tape gradient
 * into replay and reverse sweep. What could fool it: a recording may answer at its recording point
 * without a replay, so the recording is made near x
 * ({@link dev.wengert.benchmarks.Recordings}); the thread's scratch is allocated by a call in set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedValue {
    @Param({"100", "1000", "100000"})
    int n;

    private double[] x;
    private Recording recording;

    @Setup
    public void setUp() {
        x = RosenbrockWorkload.start(n);
        recording = Recordings.recordNear(RosenbrockWorkload::energy, x);
        recording.value(x);
    }

    @Benchmark
    public double value() {
        return recording.value(x);
    }
}
