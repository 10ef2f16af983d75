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
 * Dense Hessian in vector mode on a recording made in set-up near x (see {@link dev.wengert.benchmarks.Recordings}), with the column batches split among
 * {@code threads} threads (targets: at most 1500x the plain energy at N = 100; 2 threads at least
 * 1.7x faster than 1). N = 12 and 100 only, for the reason given on {@link AnalyticHessian}. What
 * could fool it: the 2-thread figure needs 2 idle cores, so on a shared or busy machine it
 * understates the speed-up; the workers come from a cached pool, so thread start-up is paid in
 * warm-up only; each call allocates the workers' k-wide scratch, which {@code -prof gc} shows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapeReusedHessian {
    @Param({"12", "100"})
    int n;

    @Param({"1", "2"})
    int threads;

    private double[] x;
    private double[] h;
    private Recording recording;

    @Setup
    public void setUp() {
        x = ThomsonWorkload.points(n);
        h = new double[x.length * x.length];
        recording = Recordings.recordNear(ThomsonWorkload::energy, x);
        recording.hessian(x, h, threads);
    }

    @Benchmark
    public double[] hessian() {
        recording.hessian(x, h, threads);
        return h;
    }
}
