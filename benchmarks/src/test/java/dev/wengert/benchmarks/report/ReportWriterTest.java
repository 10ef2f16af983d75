package dev.wengert.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report reads JMH's JSON by the naming convention and charts ratios of results of the same file. */
class ReportWriterTest {

    private static String entry(String benchmark, String params, double score, String unit, String alloc) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"avgt\",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"" + unit + "\"},"
                + "\"secondaryMetrics\":{" + (alloc == null ? "" : "\"gc.alloc.rate.norm\":{\"score\":" + alloc
                + ",\"scoreUnit\":\"B/op\"}") + "}}";
    }

    private static final String RUN = "[\n"
            + entry("dev.wengert.benchmarks.ThomsonBenchmarks.plainValue", "\"n\":\"12\"", 0.5, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.ThomsonBenchmarks.tapeReusedHessian", "\"n\":\"12\",\"threads\":\"2\"", 0.04, "ms/op", "1024.0") + ",\n"
            + entry("dev.wengert.benchmarks.ThomsonPeerBenchmarks.hipparchusGradientGradient", "\"n\":\"12\"", 2000, "ns/op", "4096.5") + ",\n"
            + entry("dev.wengert.benchmarks.ThomsonBenchmarks.analyticGradient", "\"n\":\"100\"", 7, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.RosenbrockBenchmarks.plainValue", "\"n\":\"1000\"", 2.0, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.RosenbrockBenchmarks.tapeReusedGradient", "\"n\":\"1000\"", 10.0, "us/op", null) + "\n]";

    @Test
    void benchmarkNamesSplitIntoWorkloadVariantQuantityAndParameters(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("run.json"), RUN);
        List<ReportWriter.Result> rs = ReportWriter.read(json);
        ReportWriter.Result hessian = rs.get(1);
        assertEquals("thomson", hessian.workload());
        assertEquals("TapeReused", hessian.variant());
        assertEquals("hessian", hessian.quantity());
        assertEquals("threads=2", hessian.extra());
        assertEquals(12, hessian.n());
        assertEquals(40.0, hessian.micros(), 1e-12);
        assertEquals(1024.0, hessian.bytes());
        assertEquals("HipparchusGradient", rs.get(2).variant());
        assertEquals(2.0, rs.get(2).micros(), 1e-12);
        assertTrue(Double.isNaN(rs.get(0).bytes()), "no gc profiler, no allocation figure");
    }

    @Test
    void ratiosAreToThePlainValueOfTheSameWorkloadAndSize(@TempDir Path dir) throws IOException {
        List<ReportWriter.Result> rs = ReportWriter.read(Files.writeString(dir.resolve("run.json"), RUN));
        Map<String, Map<Integer, Double>> thomson = ReportWriter.ratiosToPlain(rs, "thomson");
        // gradient before hessian; the N = 100 analytic gradient has no plain value at N = 100, so no ratio.
        assertEquals(List.of("gradient HipparchusGradient", "hessian TapeReused (threads=2)"), List.copyOf(thomson.keySet()));
        assertEquals(80.0, thomson.get("hessian TapeReused (threads=2)").get(12), 1e-9);
        assertEquals(4.0, thomson.get("gradient HipparchusGradient").get(12), 1e-9);
        assertEquals(5.0, ReportWriter.ratiosToPlain(rs, "rosenbrock").get("gradient TapeReused").get(1000), 1e-12);
    }

    @Test
    void chartHasOnePanelPerWorkloadAndIsAReadablePng(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("run.json"), RUN);
        Path png = dir.resolve("run.png");
        ReportWriter.main(new String[] {json.toString(), png.toString(), "test run"});
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(40 + 2 * 620, image.getHeight());
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) nonWhite++;
        }
        assertTrue(nonWhite > 1000, "the chart draws bars and axes, not a blank page: " + nonWhite);
    }

    @ParameterizedTest
    @CsvSource({
        "dev.wengert.benchmarks.GridBenchmarks.tapeReusedSparseHessian, grid, TapeReused, sparseHessian",
        "dev.wengert.benchmarks.GridBenchmarks.tapeReusedHessianPattern, grid, TapeReused, hessianPattern",
        "dev.wengert.benchmarks.RosenbrockPeerBenchmarks.commonsMathDsHessian, rosenbrock, CommonsMathDs, hessian",
        "dev.wengert.benchmarks.thomson.HipparchusGradientGradient.gradient, thomson, HipparchusGradient, gradient",
        "dev.wengert.benchmarks.grid.TapeReusedSparseHessian.sparseHessian, grid, TapeReused, sparseHessian",
    })
    void methodNamesAndTheEarlierClassNamesReadAlike(String benchmark, String workload, String variant, String quantity) {
        assertEquals(new BenchmarkName(workload, variant, quantity), BenchmarkName.parse(benchmark));
    }

    @Test
    void aMethodWithoutAQuantityIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkName.parse("dev.wengert.benchmarks.ThomsonBenchmarks.fastest"));
        assertTrue(e.getMessage().contains("'fastest' does not end in a quantity"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheFileAndTheLine(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("broken.json"), "[{\"a\": 1,}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportWriter.read(json));
        assertTrue(e.getMessage().startsWith(json + ": not JSON ("), e.getMessage());
        assertTrue(e.getMessage().contains("at line 1, column"), e.getMessage());
    }
}
