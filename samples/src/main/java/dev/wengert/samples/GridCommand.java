package dev.wengert.samples;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.SparseHessianMethod;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.optim.HessianMode;
import dev.wengert.ad.optim.Iteration;
import dev.wengert.ad.optim.Newton;
import dev.wengert.ad.optim.NewtonCg;
import dev.wengert.ad.optim.Optimizer;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.StoppingCriteria;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grid}: the minimal surface spanning Scherk's frame on [-a, a]^2, an m x m grid of unknown
 * heights ({@link GridSurface}), solved by Newton's method on the sparse Hessian: from the generated class
 * (per-cell local Hessians added into CSR slots) or from the tape (its pattern, then edge pushing). The Newton
 * systems are solved by preconditioned CG (the default) or by EJML's sparse Cholesky ({@code --solver
 * cholesky}). Prints the Newton steps, the final gradient norm, the Hessians' cost, the CG iterations and the
 * distance to Scherk's surface, and writes a heat map of the solution.
 */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Minimal surface on an m x m grid (Scherk's frame) by sparse Newton-CG; PNG heat map.")
final class GridCommand implements Callable<Integer> {

    /** Where derivatives come from. */
    enum Backend {
        GENERATED("generated"), TAPE("tape");

        final String label;

        Backend(String label) {
            this.label = label;
        }
    }

    /** The first iterate. */
    enum Start {
        INTERPOLATED("interpolated"), FLAT("flat");

        final String label;

        Start(String label) {
            this.label = label;
        }
    }

    /** How each Newton step's linear system is solved. */
    enum Solver {
        CG("cg"), CHOLESKY("cholesky");

        final String label;

        Solver(String label) {
            this.label = label;
        }
    }

    static final class SolverConverter implements CommandLine.ITypeConverter<Solver> {
        @Override
        public Solver convert(String value) {
            return ThomsonCommand.byLabel(Solver.values(), v -> v.label, value, "solver");
        }
    }

    static final class StartConverter implements CommandLine.ITypeConverter<Start> {
        @Override
        public Start convert(String value) {
            return ThomsonCommand.byLabel(Start.values(), v -> v.label, value, "start");
        }
    }

    static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            return ThomsonCommand.byLabel(Backend.values(), v -> v.label, value, "backend");
        }
    }

    /**
     * Heap a run needs per unknown, rounded up from m = 500, where the generated run peaks at 0.5 GB resident and
     * the tape run at 2.2 GB (17 nodes an unknown; measured with 9-color compressed sweeps, which need more
     * than edge pushing).
     */
    private static final double GENERATED_BYTES_PER_UNKNOWN = 800;
    private static final double TAPE_BYTES_PER_UNKNOWN = 8000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--m", description = "interior nodes per side, n = m^2 unknowns (default: ${DEFAULT-VALUE})",
            defaultValue = "200")
    int m;

    @Option(names = "--extent", description = "half the side of the square [-a, a]^2, below pi/2 where Scherk's"
            + " surface ends (default: ${DEFAULT-VALUE})", defaultValue = "1.5")
    double extent;

    @Option(names = "--backend", converter = BackendConverter.class, defaultValue = "generated",
            description = "where the sparse Hessian comes from: generated or tape (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--solver", converter = SolverConverter.class, defaultValue = "cg",
            description = "Newton systems: cg (trust-region Newton-CG, Jacobi preconditioner) or cholesky (line-search"
                    + " Newton, EJML's sparse Cholesky; its factor has about n m non-zeros, so for m up to a few"
                    + " hundred) (default: ${DEFAULT-VALUE})")
    Solver solver;

    @Option(names = "--start", converter = StartConverter.class, defaultValue = "interpolated",
            description = "first iterate: interpolated (the frame's heights blended inward) or flat (u = 0)"
                    + " (default: ${DEFAULT-VALUE})")
    Start start;

    @Option(names = "--tolerance", description = "stop when |g| is below this (default: ${DEFAULT-VALUE})",
            defaultValue = "1e-8")
    double tolerance;

    @Option(names = "--max-iterations", description = "Newton step limit (default: ${DEFAULT-VALUE})",
            defaultValue = "50")
    int maxIterations;

    @Option(names = "--out", description = "PNG to write (default: ${DEFAULT-VALUE})", defaultValue = "grid.png")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (m < 2) {
            throw new CommandLine.ParameterException(cl, "--m must be at least 2, got " + m);
        }
        if (!(extent > 0.0 && extent < Math.PI / 2)) {
            throw new CommandLine.ParameterException(cl, "--extent must be in (0, pi/2) = (0, 1.5708), where Scherk's"
                    + " surface is defined, got " + extent);
        }
        if (!(tolerance > 0.0)) {
            throw new CommandLine.ParameterException(cl, "--tolerance must be positive, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new CommandLine.ParameterException(cl, "--max-iterations must be at least 1, got " + maxIterations);
        }
        checkMemory(cl);
        OutputFile.checkWritable(cl, out);
        PrintWriter o = cl.getOut();
        long n = (long) m * m;
        o.printf("Minimal surface on [-%s, %s]^2 with Scherk's frame, m = %d: n = %,d unknowns, %s sparse Hessian%n",
                extent, extent, m, n, backend.label);
        o.flush();

        long t0 = System.nanoTime();
        GridSurface surface = new GridSurface(m, -extent, extent, GridSurface::scherk);
        double[] u0 = start == Start.FLAT ? new double[surface.dimension()] : surface.start();
        Objective area;
        if (backend == Backend.TAPE) {
            Recording recording = surface.recorded(u0);
            long c0 = System.nanoTime();
            SparseHessianMethod method = recording.sparseHessianMethod();
            SparsityPattern pattern = recording.prepareSparseHessian(method);
            area = recording;
            o.printf("recorded %,d tape nodes in %.2f s; Hessian pattern: %,d non-zeros, by %s (pattern and plan"
                            + " %.2f s)%n", recording.size(), (c0 - t0) * 1e-9, pattern.nonZeros(),
                    method.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), (System.nanoTime() - c0) * 1e-9);
        } else {
            area = surface.generated();
            long c0 = System.nanoTime();
            SparsityPattern pattern = area.hessianPattern(u0.length);
            o.printf("generated class; Hessian pattern and slots: %,d non-zeros in %.2f s%n", pattern.nonZeros(),
                    (System.nanoTime() - c0) * 1e-9);
        }
        TimedHessians timed = new TimedHessians(area);
        PrintWriter err = cl.getErr();
        boolean[] progressShown = {false};
        long solveStart = System.nanoTime();
        Optimizer newton = solver == Solver.CHOLESKY
                ? new Newton().withSparseCholesky(new EjmlSparseCholesky())
                : new NewtonCg().withHessian(HessianMode.SPARSE).withRadius(Math.sqrt(n), 1e10);
        OptimizationHistory h = newton
                .withStopping(StoppingCriteria.gradientBelow(tolerance).withMaxIterations(maxIterations))
                .withListener(it -> progressLine(err, it, solveStart, progressShown))
                .minimize(timed, u0);
        double solveSeconds = (System.nanoTime() - solveStart) * 1e-9;
        Iteration last = h.last();
        double[] u = h.solution();
        double[] exact = surface.boundaryInside();
        double worst = 0;
        for (int i = 0; i < u.length; i++) {
            worst = Math.max(worst, Math.abs(u[i] - exact[i]));
        }
        o.printf("start (%s): area %.12f, |g| = %.2e%n", start.label, h.iterations().get(0).value(),
                h.iterations().get(0).gradientNorm());
        o.printf("%s after %d Newton steps: area %.12f, |g| = %.2e%n", h.converged() ? "converged" : "not converged",
                h.iterationCount(), last.value(), last.gradientNorm());
        String linear = solver == Solver.CHOLESKY ? "sparse Cholesky (EJML)"
                : String.format("CG iterations: %d (%.0f a step)", last.innerIterations(),
                        last.innerIterations() / Math.max(1.0, h.iterationCount()));
        o.printf("sparse Hessians: %d, the first %.1f ms (with JIT compilation), then %.1f ms each; %s; solve %.2f s%n",
                timed.calls, timed.firstNanos * 1e-6,
                timed.calls > 1 ? (timed.nanos - timed.firstNanos) * 1e-6 / (timed.calls - 1) : Double.NaN,
                linear, solveSeconds);
        o.printf("max |u - Scherk| at the nodes: %.2e (discretisation error, O(h^2), h = %.4g)%n", worst,
                surface.spacing());
        HeatMap.write(surface.withFrame(u), m + 2, -extent, extent,
                String.format("minimal surface, Scherk's frame, m = %d, %d Newton steps, |g| = %.1e", m,
                        h.iterationCount(), last.gradientNorm()), out);
        o.printf("total %.2f s; wrote %s%n", (System.nanoTime() - t0) * 1e-9, out);
        return h.converged() ? 0 : Main.RUN_ERROR;
    }

    /** One line per Newton step once the run has taken a second (small runs print nothing). */
    private static void progressLine(PrintWriter err, Iteration it, long start, boolean[] shown) {
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (seconds < 1.0 && !shown[0]) {
            return;
        }
        shown[0] = true;
        err.printf("newton %3d  area %.12f  |g| %.2e  CG %6d  %6.1fs%n", it.index(), it.value(), it.gradientNorm(),
                it.innerIterations(), seconds);   // CG 0 with --solver cholesky
        err.flush();
    }

    /** Refuses a grid that cannot fit in this JVM's heap before any work, instead of an OutOfMemoryError. */
    private void checkMemory(CommandLine cl) {
        double n = (double) m * m;
        double needed = n * (backend == Backend.TAPE ? TAPE_BYTES_PER_UNKNOWN : GENERATED_BYTES_PER_UNKNOWN)
                + 8 * n * (maxIterations + 1.0)    // the history keeps every iterate
                + (solver == Solver.CHOLESKY ? 2 * 12 * n * m : 0);   // the banded factor and EJML's work copy
        long available = Runtime.getRuntime().maxMemory();
        if (needed > 0.8 * available) {
            throw new CommandLine.ParameterException(cl, String.format("--m %d needs about %.1f GB of memory, more than"
                    + " the %.1f GB this JVM may use; choose a smaller --m%s, or run java with a larger -Xmx", m,
                    needed / 1e9, available / 1e9, solver == Solver.CHOLESKY ? " or --solver cg"
                            : backend == Backend.TAPE ? " or --backend generated" : ""));
        }
    }

    /** The objective with the time and number of its sparse Hessians counted. */
    private static final class TimedHessians implements Objective {
        private final Objective f;
        long nanos;
        long firstNanos;
        int calls;

        TimedHessians(Objective f) {
            this.f = f;
        }

        @Override
        public double value(double[] x) {
            return f.value(x);
        }

        @Override
        public double gradient(double[] x, double[] g) {
            return f.gradient(x, g);
        }

        @Override
        public void hessianVector(double[] x, double[] v, double[] hv) {
            f.hessianVector(x, v, hv);
        }

        @Override
        public double gradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
            return f.gradientAndHessianVector(x, v, g, hv);
        }

        @Override
        public void hessian(double[] x, double[] h) {
            f.hessian(x, h);
        }

        @Override
        public SparsityPattern hessianPattern() {
            return f.hessianPattern();
        }

        @Override
        public SparsityPattern hessianPattern(int n) {
            return f.hessianPattern(n);
        }

        @Override
        public void sparseHessian(double[] x, double[] values) {
            long start = System.nanoTime();
            f.sparseHessian(x, values);
            long took = System.nanoTime() - start;
            if (calls == 0) {
                firstNanos = took;
            }
            nanos += took;
            calls++;
        }
    }
}
