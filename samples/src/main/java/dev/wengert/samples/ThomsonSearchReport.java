package dev.wengert.samples;

import dev.wengert.ad.Objective;
import dev.wengert.ad.optim.NewtonCg;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.ProductOfSpheres;
import dev.wengert.ad.optim.StoppingCriteria;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;

/**
 * Runs {@link ThomsonSearch} for {@code thomson --starts}, polishes the best minimum with Riemannian
 * Newton-CG, prints one line per start and the summary (against the lowest known energy, if the table has
 * one), and plots each start's lowest energy over time.
 */
final class ThomsonSearchReport {

    private final int n;
    private final ThomsonCommand.Backend backend;
    private final Path out;

    ThomsonSearchReport(int n, ThomsonCommand.Backend backend, Path out) {
        this.n = n;
        this.backend = backend;
        this.out = out;
    }

    void run(ThomsonSearch.Settings s, double tolerance, CommandLine cl) throws IOException, InterruptedException {
        PrintWriter o = cl.getOut();
        String what = s.patience() == 0 ? "multistart (one local minimisation per start)"
                : "basin hopping (patience " + s.patience() + " rounds, temperature " + s.temperature() + ")";
        o.printf("Thomson problem, N = %d points, %s derivatives: global search by %s,%n  %d starts from seed %d"
                + " on %d threads, time limit %s s%n", n, backend.label, what, s.starts(), s.seed(), s.threads(),
                s.timeLimitSeconds());
        o.flush();
        Progress progress = new Progress(cl.getErr(), "search");
        ThomsonSearch.Result r = ThomsonSearch.run(s, backend,
                done -> progress.show(String.format("%d of %d starts done", done, s.starts())));
        progress.done();
        for (BasinHopping.Outcome start : r.outcomes()) {
            o.printf("  start %3d: E = %.9f  after %4d rounds, %4d local minimisations, lowest at %.2f s%n",
                    start.start(), start.energy(), start.rounds(), start.localMinimisations(), start.secondsToBest());
        }
        OptimizationHistory polished = polish(r.best().x(), tolerance);
        double e = polished.last().value();
        OptionalDouble known = KnownMinima.energy(n);
        o.printf("lowest E = %.12f  (|grad| %.1e after Riemannian Newton-CG)", e, polished.last().gradientNorm());
        if (known.isPresent()) {
            double k = known.getAsDouble();
            o.printf("  lowest known %.9f  relative difference %+.1e  %s%n", k, (e - k) / k,
                    Math.abs(e - k) <= ThomsonSearch.SAME_ENERGY * k ? "(found)"
                            : e < k ? "(below the table: check)" : "(not found: a higher local minimum)");
        } else {
            o.println("  (no known minimum for this N in thomson-minima.tsv)");
        }
        o.printf("reached by %d of %d starts (to %.0e relative); time to the best %.2f s, search %.2f s%n",
                r.startsAtBest(), s.starts(), ThomsonSearch.SAME_ENERGY, r.secondsToBest(), r.seconds());
        writeChart(r);
        o.println("wrote " + out);
    }

    private OptimizationHistory polish(double[] x, double tolerance) {
        Objective energy = backend.energy(x);
        return new NewtonCg().onManifold(ProductOfSpheres.of(n, 3))
                .withStopping(StoppingCriteria.gradientBelow(tolerance).withMaxIterations(100)).minimize(energy, x);
    }

    /**
     * Each start's lowest energy so far against time, as a gap above the best of all starts. The gaps are
     * within a decade or two of each other and end at 0, so the axis is linear.
     */
    private void writeChart(ThomsonSearch.Result r) throws IOException {
        XYChart chart = Charts.lineChart("Thomson N = " + n + ": lowest energy of each start", "seconds",
                "E - lowest energy of the search", false, false);
        double best = r.best().energy();
        for (BasinHopping.Outcome start : r.outcomes()) {
            // A step curve: each low holds until the next one, the last until the search ends.
            List<BasinHopping.Improvement> imps = start.improvements();
            double[] t = new double[2 * imps.size()];
            double[] gap = new double[t.length];
            for (int i = 0; i < imps.size(); i++) {
                t[2 * i] = imps.get(i).seconds();
                t[2 * i + 1] = i + 1 < imps.size() ? imps.get(i + 1).seconds() : r.seconds();
                gap[2 * i] = imps.get(i).energy() - best;
                gap[2 * i + 1] = gap[2 * i];
            }
            boolean reached = start.energy() - best <= ThomsonSearch.SAME_ENERGY * Math.abs(best);
            String name = "start " + start.start() + (reached
                    ? String.format(" (lowest at %.2f s)", start.secondsToBest())
                    : String.format(" (ends %.2e above)", start.energy() - best));
            Charts.addLine(chart, name, t, gap, true);
        }
        Charts.writePng(List.of(chart), out);
    }
}
