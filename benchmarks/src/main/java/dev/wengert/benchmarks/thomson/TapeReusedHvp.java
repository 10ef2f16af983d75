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
 * Forward-over-reverse HVP on a recording made in set-up near x (see {@link dev.wengert.benchmarks.Recordings}): one tangent sweep (values and tangents)
 * and one second-order adjoint sweep (target: at most 12x the plain energy). What could fool it:
 * as for the reused gradient, the scratch (four arrays of 8 bytes per node) is allocated by a
 * warm-up call in set-up; the sweep reads and writes all four, so at N = 1000 it is bandwidth-bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedHvp {
    @Param({"12", "100", "1000"})
    int n;

    private double[] x;
    private double[] v;
    private double[] hv;
    private Recording recording;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        v = ThomsonWorkload.direction(x.length);
        hv = new double[x.length];
        recording = Recordings.recordNear(ThomsonWorkload::energy, x);
        recording.hessianVector(x, v, hv);
    }

    @Benchmark
    public double[] hvp() {
        recording.hessianVector(x, v, hv);
        return hv;
    }
}
