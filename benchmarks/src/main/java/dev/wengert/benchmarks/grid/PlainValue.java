package dev.wengert.benchmarks.grid;

import dev.wengert.benchmarks.GridWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The grid energy in plain doubles: the unit every grid ratio is measured in. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainValue {
    @Param({"40000", "250000"})
    int n;

    private double[] x;

    @Setup
    public void setUp() {
        x = GridWorkload.start(n);
    }

    @Benchmark
    public double value() {
        return GridWorkload.energy(x);
    }
}
