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

/** The report reads JMH's JSON by the naming convention and charts ratios of results of the same file. */
class ReportWriterTest {

    private static String entry(String benchmark, String params, double score, String unit, String alloc) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"avgt\",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"" + unit + "\"},"
                + "\"secondaryMetrics\":{" + (alloc == null ? "" : "\"gc.alloc.rate.norm\":{\"score\":" + alloc
                + ",\"scoreUnit\":\"B/op\"}") + "}}";
    }

    private static final String RUN = "[\n"
            + entry("dev.wengert.benchmarks.thomson.PlainValue.value", "\"n\":\"12\"", 0.5, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.thomson.TapeReusedHessian.hessian", "\"n\":\"12\",\"threads\":\"2\"", 0.04, "ms/op", "1024.0") + ",\n"
            + entry("dev.wengert.benchmarks.thomson.HipparchusGradientGradient.gradient", "\"n\":\"12\"", 2000, "ns/op", "4096.5") + ",\n"
            + entry("dev.wengert.benchmarks.thomson.AnalyticGradient.gradient", "\"n\":\"100\"", 7, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.rosenbrock.PlainValue.value", "\"n\":\"1000\"", 2.0, "us/op", null) + ",\n"
            + entry("dev.wengert.benchmarks.rosenbrock.TapeReusedGradient.gradient", "\"n\":\"1000\"", 10.0, "us/op", null) + "\n]";

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

    @Test
    void malformedJsonNamesTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[{\"a\": 1,}]"));
        assertEquals("JSON: expected a key at offset 9", e.getMessage());
    }

    @Test
    void jsonStringsKeepEscapes() {
        assertEquals(List.of("a\"b\\c\u00e9", 1.5e3, true), Json.parse("[\"a\\\"b\\\\c\\u00e9\", 1.5e3, true]"));
    }
}
