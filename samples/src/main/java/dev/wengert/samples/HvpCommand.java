package dev.wengert.samples;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.RecordedFunction;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Var;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hvp}: how the cost of one Hessian-vector product and of the dense Hessian grow with n, on
 * random SPD quadratics and on the Thomson energy; a table and a log-log PNG. Wall-clock timings of a
 * warmed-up loop: indicative only (the benchmarks module has the JMH measurements).
 */
@Command(name = "hvp", mixinStandardHelpOptions = true,
        description = "Time one Hessian-vector product vs the dense Hessian as n grows (table + log-log PNG).")
final class HvpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--max-n", description = "largest n to time (default: ${DEFAULT-VALUE})", defaultValue = "384")
    int maxN;

    @Option(names = "--out", description = "PNG to write (default: ${DEFAULT-VALUE})", defaultValue = "hvp.png")
    Path out;

    record Row(String family, int n, double hvpSeconds, double hessianSeconds) {}

    /** f = 1/2 x^T A x with a random SPD A = M^T M / n + I, built row by row with n-ary dot nodes. */
    static ScalarFunction randomQuadratic(int n, long seed) {
        Random random = new Random(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1.0 : 0.0;
                for (int k = 0; k < n; k++) {
                    s += m[k * n + i] * m[k * n + j] / n;
                }
                a[i][j] = 0.5 * s;
            }
        }
        return x -> {
            Var[] rows = new Var[n];
            for (int i = 0; i < n; i++) {
                rows[i] = x[i].times(Var.dot(a[i], x));
            }
            return Var.sum(rows);
        };
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (maxN < 6) {
            throw new CommandLine.ParameterException(cl, "--max-n must be at least 6, got " + maxN);
        }
        OutputFile.checkWritable(cl, out);
        PrintWriter o = cl.getOut();
        List<Row> rows = new ArrayList<>();
        Progress progress = new Progress(cl.getErr(), "hvp");
        for (int n = 6; n <= maxN; n *= 2) {
            rows.add(time("quadratic", n, randomQuadratic(n, n), random(n, 1)));
            int points = n / 3;
            rows.add(time("thomson", 3 * points, ThomsonProblem::energy, ThomsonProblem.randomStart(points, 2)));
            progress.show("timed n = " + n);
        }
        progress.done();
        o.println("| family    |    n | one HVP (us) | dense Hessian (ms) | Hessian / HVP |");
        o.println("|-----------|-----:|-------------:|-------------------:|--------------:|");
        for (Row r : rows) {
            o.printf("| %-9s | %4d | %12.2f | %18.3f | %13.1f |%n", r.family(), r.n(), r.hvpSeconds() * 1e6,
                    r.hessianSeconds() * 1e3, r.hessianSeconds() / r.hvpSeconds());
        }
        XYChart chart = Charts.lineChart("Hessian-vector product vs dense Hessian (tape)", "n", "seconds", true, true);
        for (String family : List.of("quadratic", "thomson")) {
            List<Row> mine = rows.stream().filter(r -> r.family().equals(family)).toList();
            double[] ns = mine.stream().mapToDouble(Row::n).toArray();
            Charts.addLine(chart, family + ": one HVP", ns, mine.stream().mapToDouble(Row::hvpSeconds).toArray(), true);
            Charts.addLine(chart, family + ": dense Hessian", ns,
                    mine.stream().mapToDouble(Row::hessianSeconds).toArray(), true);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Charts.writePng(List.of(chart), out);
        o.println("wrote " + out);
        return 0;
    }

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static Row time(String family, int n, ScalarFunction f, double[] x) {
        RecordedFunction recorded = Derivatives.record(f, x);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(0.37 * i + 0.1);
        }
        double[] hv = new double[n];
        double[] h = new double[n * n];
        double hvp = secondsPerCall(() -> recorded.hessianVector(x, v, hv));
        double hessian = secondsPerCall(() -> recorded.hessian(x, h));
        return new Row(family, n, hvp, hessian);
    }

    /**
     * The best of three loops of at least 50 ms each (the average call in each), after a warm-up loop of
     * the same length: the minimum is the figure least disturbed by other work on the machine.
     */
    private static double secondsPerCall(Runnable r) {
        double best = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < 4; pass++) {
            long start = System.nanoTime();
            int calls = 0;
            while (System.nanoTime() - start < 50_000_000L) {
                r.run();
                calls++;
            }
            if (pass > 0) {
                best = Math.min(best, (System.nanoTime() - start) * 1e-9 / calls);
            }
        }
        return best;
    }
}
