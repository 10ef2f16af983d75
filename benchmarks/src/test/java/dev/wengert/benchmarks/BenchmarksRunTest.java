package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark of the module once, in this JVM, at N = 12 with one tiny measurement
 * iteration: a benchmark whose set-up or body throws, or that JMH cannot run, fails the build.
 * This is a smoke test, not a measurement.
 */
class BenchmarksRunTest {

    @Test
    void everyBenchmarkRunsOnTheSmallestSize() throws RunnerException {
        Set<String> declared = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(null, java.util.List.of())) {
            declared.add(entry.getUsername());
        }
        assertFalse(declared.isEmpty(), "no benchmarks in META-INF/BenchmarkList: was the JMH generator run?");

        Options options = new OptionsBuilder()
                .include("dev\\.wengert\\.benchmarks\\..*")
                .param("n", "12")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) ran.add(r.getParams().getBenchmark());
        assertEquals(declared, ran, "every declared benchmark ran");
    }
}
