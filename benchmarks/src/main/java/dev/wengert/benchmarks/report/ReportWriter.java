package dev.wengert.benchmarks.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Renders the bar chart of one JMH run: for each workload, every (quantity, variant) as a group of
 * bars, one bar per size, the height its time divided by the plain value's at the same size
 * (log scale). Every ratio is between two results of the same JSON file, i.e. of the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.report.ReportWriter \
 *     benchmarks/results/short.json benchmarks/results/short.png "2026-11-23, JDK 17, 2 cores"
 * </pre>
 *
 * <p>Benchmarks are read by the naming convention of {@code ThomsonBenchmarks} ({@link BenchmarkName}:
 * {@code <Workload>Benchmarks.<variant><Quantity>}, and the older one-class-per-variant names),
 * {@code @Param n} the size, any other parameter part of the variant ({@code benchmarks/ratios.py} reads
 * them the same way for the tables).
 */
public final class ReportWriter {
    static final List<String> WORKLOADS = List.of("thomson", "rosenbrock");
    static final List<String> QUANTITIES = List.of("value", "gradient", "hvp", "hessian", "recording");
    static final List<String> VARIANTS = List.of("Plain", "Analytic", "Generated", "Tape", "TapeReused", "TapeOneCall",
            "TapeOneCallLoop", "TapeRecord", "HipparchusGradient", "HipparchusDs", "CommonsMathDs");
    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 620;
    private static final int NOTE_HEIGHT = 40;

    private ReportWriter() {
    }

    /** One benchmark result: time per operation in microseconds, allocation per operation in bytes (NaN if not profiled). */
    record Result(String workload, String quantity, String variant, String extra, int n, double micros, double bytes) {
        String label() {
            return quantity + " " + variant + (extra.isEmpty() ? "" : " (" + extra + ")");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ReportWriter <jmh-result.json> <chart.png> [note line]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<Result> results = read(Path.of(args[0]));
        ImageIO.write(chart(results, args.length == 3 ? args[2] : ""), "png", Path.of(args[1]).toFile());
    }

    /** Reads JMH's JSON result file. */
    static List<Result> read(Path json) throws IOException {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(json.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(json + ": not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (doc == null || !doc.isArray() || doc.isEmpty()) {
            throw new IllegalArgumentException(json + ": not a JMH result file with results (expected a non-empty JSON array)");
        }
        List<Result> out = new ArrayList<>();
        for (JsonNode e : doc) out.add(parse(e));
        return out;
    }

    static Result parse(JsonNode entry) {
        BenchmarkName name = BenchmarkName.parse(entry.path("benchmark").asText());
        Map<String, String> params = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> p : entry.path("params").properties()) params.put(p.getKey(), p.getValue().asText());
        String n = params.remove("n");
        StringBuilder extra = new StringBuilder();
        params.forEach((k, v) -> extra.append(extra.length() == 0 ? "" : ",").append(k).append('=').append(v));
        JsonNode primary = entry.path("primaryMetric");
        double micros = toMicros(number(primary.path("score")), primary.path("scoreUnit").asText());
        JsonNode alloc = entry.path("secondaryMetrics").path("gc.alloc.rate.norm");
        double bytes = alloc.isObject() ? number(alloc.path("score")) : Double.NaN;
        return new Result(name.workload(), name.quantity(), name.variant(), extra.toString(),
                n == null ? 0 : Integer.parseInt(n), micros, bytes);
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText()); // JMH writes NaN as "NaN"
    }

    static double toMicros(double score, String unit) {
        return switch (unit) {
            case "s/op" -> score * 1e6;
            case "ms/op" -> score * 1e3;
            case "us/op" -> score;
            case "ns/op" -> score * 1e-3;
            case "ops/s" -> 1e6 / score;
            case "ops/ms" -> 1e3 / score;
            case "ops/us" -> 1 / score;
            case "ops/ns" -> 1e-3 / score;
            default -> throw new IllegalArgumentException("unsupported JMH score unit " + unit);
        };
    }

    /** Ratio of every non-plain result to the plain value of the same workload and size, in table order. */
    static Map<String, Map<Integer, Double>> ratiosToPlain(List<Result> results, String workload) {
        Map<Integer, Double> plain = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.workload.equals(workload) && r.variant.equals("Plain") && r.quantity.equals("value")) plain.put(r.n, r.micros);
        }
        Map<String, Map<Integer, Double>> rows = new LinkedHashMap<>();
        results.stream()
                .filter(r -> r.workload.equals(workload) && !r.variant.equals("Plain") && plain.containsKey(r.n))
                .sorted(Comparator.comparingInt((Result r) -> rank(QUANTITIES, r.quantity))
                        .thenComparing(r -> r.quantity)
                        .thenComparingInt(r -> rank(VARIANTS, r.variant))
                        .thenComparing(r -> r.variant)
                        .thenComparing(r -> r.extra))
                .forEach(r -> rows.computeIfAbsent(r.label(), k -> new LinkedHashMap<>()).put(r.n, r.micros / plain.get(r.n)));
        return rows;
    }

    private static int rank(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? order.size() : i;
    }

    /** The whole figure: one panel per workload, stacked, under the note line. */
    static BufferedImage chart(List<Result> results, String note) {
        Set<String> workloads = new TreeSet<>(Comparator.comparingInt((String w) -> rank(WORKLOADS, w)).thenComparing(w -> w));
        for (Result r : results) workloads.add(r.workload);
        List<BufferedImage> panels = new ArrayList<>();
        for (String w : workloads) {
            Map<String, Map<Integer, Double>> rows = ratiosToPlain(results, w);
            if (!rows.isEmpty()) panels.add(BitmapEncoder.getBufferedImage(panel(w, rows)));
        }
        if (panels.isEmpty()) throw new IllegalArgumentException("no result has a Plain value at its size: nothing to chart");
        BufferedImage image = new BufferedImage(WIDTH, NOTE_HEIGHT + PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("Time per operation / plain value at the same size (log scale; one JMH run). " + note, 12, 26);
        for (int p = 0; p < panels.size(); p++) g.drawImage(panels.get(p), 0, NOTE_HEIGHT + p * PANEL_HEIGHT, null);
        g.dispose();
        return image;
    }

    private static CategoryChart panel(String workload, Map<String, Map<Integer, Double>> rows) {
        String size = workload.equals("thomson") ? "N" : "n";
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(workload + ": time / plain value (" + size + " = size)")
                .yAxisTitle("x plain value (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        // A bar chart's axis starts at 0 unless told otherwise, which a log axis refuses: bound it by decades.
        double min = rows.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).min().orElse(1);
        double max = rows.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).max().orElse(10);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(min, 1)))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max * 1.01))));
        List<String> labels = new ArrayList<>(rows.keySet());
        Set<Integer> sizes = new TreeSet<>();
        rows.values().forEach(m -> sizes.addAll(m.keySet()));
        for (int n : sizes) {
            List<Double> ys = new ArrayList<>();
            for (String label : labels) ys.add(rows.get(label).get(n)); // null: no bar (not run at this size)
            chart.addSeries(size + " = " + n, labels, ys);
        }
        return chart;
    }
}
