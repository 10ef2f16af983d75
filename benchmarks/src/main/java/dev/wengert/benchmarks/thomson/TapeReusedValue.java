package dev.wengert.benchmarks.thomson;

import dev.wengert.ad.Recording;
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
 * Replay alone: {@code Recording.value(x)} on a recording made in set-up (a value sweep plus the
 * input and guard checks). Not a target of issue 2; it splits the gradient's cost into replay and
 * reverse sweep. What could fool it: the same x every call, but the sweep caches nothing by x, so
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
        recording = Tape.record(ThomsonWorkload::energy, x);
        recording.value(x); // allocates this thread's scratch outside the measurement
    }

    @Benchmark
    public double value() {
        return recording.value(x);
    }
}
