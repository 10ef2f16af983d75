package dev.wengert.samples;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.RecordedFunction;
import dev.wengert.ad.Var;
import dev.wengert.ad.optim.Lbfgs;
import dev.wengert.ad.optim.MomentumSgd;
import dev.wengert.ad.optim.Newton;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.StoppingCriteria;
import dev.wengert.ad.optim.SymmetricEigen;
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
 * {@code quadratic}: the worked example of the tutorial "Hessian-Vector Products &amp; Newton-like
 * Steps" (Artintellica, 2025) on f(x) = 1/2 x^T A x + b^T x, A = [[5,1],[1,3]], b = [-4,2]: SGD (lr 0.1, 40 steps) against L-BFGS from [2.5, -2.0], both paths over the level sets;
 * one Newton step onto the minimiser [1, -1]; and a Hessian-vector product against A v.
 */
@Command(name = "quadratic", mixinStandardHelpOptions = true,
        description = "A 2-D convex quadratic (a second-order optimisation tutorial's example): SGD vs L-BFGS"
                + " paths, one Newton step, an HVP.")
final class QuadraticCommand implements Callable<Integer> {

    static final double[] A = {5, 1, 1, 3};
    static final double[] B = {-4, 2};
    static final double[] X0 = {2.5, -2.0};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "PNG to write (default: ${DEFAULT-VALUE})", defaultValue = "quadratic.png")
    Path out;

    /** f(x) = 1/2 x^T A x + b^T x, written against Var. */
    static Var f(Var[] x) {
        Var ax0 = Var.dot(new double[] {A[0], A[1]}, x);
        Var ax1 = Var.dot(new double[] {A[2], A[3]}, x);
        return Var.sum(x[0].times(ax0).times(0.5), x[1].times(ax1).times(0.5), Var.dot(B, x));
    }

    @Override
    public Integer call() throws Exception {
        OutputFile.checkWritable(spec.commandLine(), out);
        PrintWriter o = spec.commandLine().getOut();
        RecordedFunction f = Derivatives.record(QuadraticCommand::f, X0);

        OptimizationHistory sgd = new MomentumSgd(0.1, 0.0)
                .withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(40)).minimize(f, X0);
        OptimizationHistory lbfgs = new Lbfgs().withStopping(StoppingCriteria.gradientBelow(1e-10)).minimize(f, X0);
        OptimizationHistory newton = new Newton().withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(1))
                .minimize(f, X0);

        o.printf("f(x) = 1/2 x^T A x + b^T x, A = [[5, 1], [1, 3]], b = [-4, 2], x0 = %s, f(x0) = %s%n",
                Arrays.toString(X0), f.value(X0));
        o.printf("SGD (lr 0.1, 40 steps):  x = %s  f = %.15f  |g| = %.2e%n", Arrays.toString(sgd.solution()),
                sgd.last().value(), sgd.last().gradientNorm());
        o.printf("L-BFGS (%d iterations):   x = %s  f = %.15f  |g| = %.2e%n", lbfgs.iterationCount(),
                Arrays.toString(lbfgs.solution()), lbfgs.last().value(), lbfgs.last().gradientNorm());
        o.printf("Newton, one step:        x = %s  f = %s  (exact: x* = [1.0, -1.0], f* = -3.0)%n",
                Arrays.toString(newton.solution()), newton.last().value());

        double[] x = {1.5, -1.2};
        double[] v = {0.6, -1.0};
        double[] hv = new double[2];
        f.hessianVector(x, v, hv);
        double[] av = {A[0] * v[0] + A[1] * v[1], A[2] * v[0] + A[3] * v[1]};
        o.printf("HVP at x = %s, v = %s:  Hv (tape) = %s   A v = %s%n", Arrays.toString(x), Arrays.toString(v),
                Arrays.toString(hv), Arrays.toString(av));

        XYChart chart = Charts.lineChart("f(x) = 1/2 x^T A x + b^T x: SGD (lr 0.1, 40 steps) vs L-BFGS", "x1", "x2",
                false, false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        addLevelSets(chart);
        addPath(chart, "SGD lr 0.1", sgd, Charts.RED);
        addPath(chart, "L-BFGS", lbfgs, Charts.BLUE);
        addPath(chart, "Newton (1 step)", newton, Charts.GREEN);
        Charts.writePng(List.of(chart), out);
        o.println("wrote " + out);
        return 0;
    }

    /**
     * Level sets f = f* + c are the ellipses x* + sqrt(2c) A^{-1/2} (cos t, sin t): exact, no contouring.
     */
    private static void addLevelSets(XYChart chart) {
        SymmetricEigen e = SymmetricEigen.of(A, 2);
        double[] xStar = {1.0, -1.0};
        int points = 200;
        int level = 0;
        for (double c : new double[] {0.25, 1, 2.5, 5, 10, 18}) {
            double[] xs = new double[points + 1];
            double[] ys = new double[points + 1];
            for (int i = 0; i <= points; i++) {
                double t = 2 * Math.PI * i / points;
                double[] y = {Math.sqrt(2 * c / e.value(0)) * Math.cos(t), Math.sqrt(2 * c / e.value(1)) * Math.sin(t)};
                double[] z = e.fromEigenbasis(y);
                xs[i] = xStar[0] + z[0];
                ys[i] = xStar[1] + z[1];
            }
            XYSeries s = Charts.addLine(chart, level == 0 ? "level sets f* + c" : "level " + c, xs, ys, false);
            s.setLineColor(new java.awt.Color(180, 180, 180));
            s.setShowInLegend(level++ == 0);
        }
    }

    static void addPath(XYChart chart, String name, OptimizationHistory h, java.awt.Color color) {
        double[] xs = new double[h.iterations().size()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] p = h.iterations().get(i).x();
            xs[i] = p[0];
            ys[i] = p[1];
        }
        XYSeries s = Charts.addLine(chart, name, xs, ys, true);
        s.setLineColor(color);
        s.setMarkerColor(color);
    }
}
