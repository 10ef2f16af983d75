package dev.wengert.benchmarks.thomson;

import dev.wengert.ad.Recording;
import dev.wengert.benchmarks.Recordings;
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
 * Replay alone: {@code Recording.value(x)} on a recording made in set-up (a value sweep plus the
 * input and guard checks). Not a target of issue 2; it splits the gradient's cost into replay and
 * reverse sweep. What could fool it: a recording may answer at its recording point without a
 * replay, so the recording is made near x ({@link dev.wengert.benchmarks.Recordings}) and
 * every call does the full replay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedValue {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;
    private Recording recording;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        recording = Recordings.recordNear(ThomsonWorkload::energy, x);
        recording.value(x); // allocates this thread's scratch outside the measurement
    }

    @Benchmark
    public double value() {
        return recording.value(x);
    }
}
