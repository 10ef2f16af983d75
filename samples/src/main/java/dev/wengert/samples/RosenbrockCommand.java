package dev.wengert.samples;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.RecordedFunction;
import dev.wengert.ad.Var;
import dev.wengert.ad.optim.Lbfgs;
import dev.wengert.ad.optim.MomentumSgd;
import dev.wengert.ad.optim.Newton;
import dev.wengert.ad.optim.NewtonCg;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.StoppingCriteria;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rosenbrock}: SGD with momentum, L-BFGS and Newton on the 2-D Rosenbrock function from
 * (-1.2, 1), paths over the curved valley; then extended Rosenbrock in n dimensions (default 10^4)
 * with trust-region Newton-CG from Hessian-vector products only.
 */
@Command(name = "rosenbrock", mixinStandardHelpOptions = true,
        description = "Rosenbrock: SGD vs L-BFGS vs Newton paths in 2-D; Newton-CG on extended Rosenbrock.")
final class RosenbrockCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", description = "dimension of the extended Rosenbrock run, even (default: ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int n;

    @Option(names = "--out", description = "PNG to write (default: ${DEFAULT-VALUE})", defaultValue = "rosenbrock.png")
    Path out;

    /**
     * Extended Rosenbrock (Moré, Garbow and Hillstrom, problem 21): sum over pairs of
     * 100 (x[2k+1] - x[2k]^2)^2 + (1 - x[2k])^2; n = 2 is the classic function.
     */
    static Var rosenbrock(Var[] x) {
        Var[] terms = new Var[x.length];
        for (int i = 0; i < x.length; i += 2) {
            terms[i] = x[i + 1].minus(x[i].square()).square().times(100.0);
            terms[i + 1] = Var.minus(1.0, x[i]).square();
        }
        return Var.sum(terms);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (n < 2 || n % 2 != 0) {
            throw new CommandLine.ParameterException(cl, "--n must be even and at least 2, got " + n);
        }
        OutputFile.checkWritable(cl, out);
        PrintWriter o = cl.getOut();
        double[] x0 = {-1.2, 1.0};
        RecordedFunction f = Derivatives.record(RosenbrockCommand::rosenbrock, x0);
        StoppingCriteria converge = StoppingCriteria.gradientBelow(1e-8).withMaxIterations(200);

        OptimizationHistory sgd = new MomentumSgd(1e-3, 0.9)
                .withStopping(StoppingCriteria.gradientBelow(1e-8).withMaxIterations(5000)).minimize(f, x0);
        OptimizationHistory lbfgs = new Lbfgs().withStopping(converge).minimize(f, x0);
        OptimizationHistory newton = new Newton().withStopping(converge).minimize(f, x0);
        o.println("2-D Rosenbrock from (-1.2, 1), minimum 0 at (1, 1):");
        line(o, "SGD lr 1e-3, momentum 0.9", sgd);
        line(o, "L-BFGS", lbfgs);
        line(o, "Newton (exact Hessian)", newton);

        XYChart chart = Charts.lineChart("Rosenbrock from (-1.2, 1)", "x1", "x2", false, false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
        double[] vx = new double[121];
        double[] vy = new double[121];
        for (int i = 0; i < vx.length; i++) {
            vx[i] = -1.5 + 2.75 * i / (vx.length - 1);
            vy[i] = vx[i] * vx[i];
        }
        XYSeries valley = Charts.addLine(chart, "valley floor x2 = x1^2", vx, vy, false);
        valley.setLineColor(new java.awt.Color(180, 180, 180));
        QuadraticCommand.addPath(chart, "SGD + momentum (" + sgd.iterationCount() + " steps)", sgd, Charts.RED);
        QuadraticCommand.addPath(chart, "L-BFGS (" + lbfgs.iterationCount() + ")", lbfgs, Charts.BLUE);
        QuadraticCommand.addPath(chart, "Newton (" + newton.iterationCount() + ")", newton, Charts.GREEN);
        Charts.writePng(List.of(chart), out);

        double[] start = new double[n];
        for (int i = 0; i < n; i += 2) {
            start[i] = -1.2;
            start[i + 1] = 1.0;
        }
        long t0 = System.nanoTime();
        RecordedFunction big = Derivatives.record(RosenbrockCommand::rosenbrock, start);
        Progress progress = new Progress(cl.getErr(), "newton-cg");
        OptimizationHistory h = new NewtonCg().withStopping(StoppingCriteria.gradientBelow(1e-8).withMaxIterations(500))
                .withListener(it -> progress.update(it.index(), it.value(), it.gradientNorm()))
                .minimize(big, start);
        progress.done();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double maxError = Arrays.stream(h.solution()).map(v -> Math.abs(v - 1.0)).max().orElse(0.0);
        o.printf("Extended Rosenbrock, n = %d, Newton-CG (trust region, HVPs only): f = %.3e  |g| = %.2e  "
                        + "max |x_i - 1| = %.1e  %d iterations  %d gradients  %d HVPs  %.2f s  %s%n",
                n, h.last().value(), h.last().gradientNorm(), maxError, h.iterationCount(),
                h.last().gradientEvaluations(), h.last().hessianVectorEvaluations(), seconds, h.stopReason());
        o.println("wrote " + out);
        return 0;
    }

    private static void line(PrintWriter o, String name, OptimizationHistory h) {
        o.printf("  %-26s x = %-44s f = %.3e  |g| = %.2e  %4d iterations  %s%n", name, Arrays.toString(h.solution()),
                h.last().value(), h.last().gradientNorm(), h.iterationCount(), h.stopReason());
    }
}
