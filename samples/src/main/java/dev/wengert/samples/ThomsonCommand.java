package dev.wengert.samples;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.optim.GradientDescent;
import dev.wengert.ad.optim.Lbfgs;
import dev.wengert.ad.optim.NewtonCg;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.Optimizer;
import dev.wengert.ad.optim.ProductOfSpheres;
import dev.wengert.ad.optim.StoppingCriteria;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thomson}: N points on the unit sphere minimising the Coulomb energy, by one method or all of
 * them, compared with the lowest known energy; writes a PNG of the energy gap and the Riemannian
 * gradient norm per iteration. With {@code --starts K} (or {@code --search}) it searches for the global
 * minimum instead: K seeded starts with basin hopping ({@link ThomsonSearch}).
 */
@Command(name = "thomson", mixinStandardHelpOptions = true,
        description = "Minimise the Thomson energy of N points on the unit sphere and plot the convergence.")
final class ThomsonCommand implements Callable<Integer> {

    /** The methods, with their command-line names. */
    enum Method {
        RIEMANNIAN_NEWTON("riemannian-newton"), BLOCK_NEWTON("block-newton"), LBFGS("lbfgs"), GD("gd"), ALL("all");

        final String label;

        Method(String label) {
            this.label = label;
        }

        static Method parse(String text) {
            return byLabel(values(), v -> v.label, text, "method");
        }
    }

    /**
     * Where derivatives come from: the tape (the energy recorded from {@link ThomsonProblem}) or the
     * classes the {@code @Differentiate} processor generated from {@link ThomsonFormulas}.
     */
    enum Backend {
        TAPE("tape") {
            @Override
            Objective energy(double[] x0) {
                return Derivatives.record(ThomsonProblem::energy, x0);
            }

            @Override
            Objective pointEnergy(double[] others, int k, double[] p) {
                // O(N) nodes, recorded afresh for every point and sweep.
                return Tape.record(z -> ThomsonProblem.pointEnergy(z, others, k), p);
            }
        },
        GENERATED("generated") {
            @Override
            Objective energy(double[] x0) {
                return new ThomsonFormulasEnergyDerivatives();
            }

            @Override
            Objective pointEnergy(double[] others, int k, double[] p) {
                return new ThomsonFormulasPointEnergyDerivatives(others, k);
            }
        };

        final String label;

        Backend(String label) {
            this.label = label;
        }

        /** The energy of all points, starting from x0. */
        abstract Objective energy(double[] x0);

        /** The energy of point k as a function of its position (near p), the other points fixed at {@code others}. */
        abstract Objective pointEnergy(double[] others, int k, double[] p);

        static Backend parse(String text) {
            return byLabel(values(), v -> v.label, text, "backend");
        }
    }

    /** The constant whose command-line label is {@code text}, or a conversion error listing the labels. */
    static <E extends Enum<E>> E byLabel(E[] values, java.util.function.Function<E, String> label, String text,
                                         String what) {
        for (E v : values) {
            if (label.apply(v).equals(text)) {
                return v;
            }
        }
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + text + "'; expected one of "
                + String.join(", ", Arrays.stream(values).map(label).toList()));
    }

    /** Above this many pairs one gradient takes longer than the quiet second of {@link Progress}, by far. */
    private static final double LARGE_PAIR_COUNT = 1e8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", description = "number of points, at least 2 (default: ${DEFAULT-VALUE})", defaultValue = "12")
    int n;

    @Option(names = "--method", converter = MethodConverter.class, defaultValue = "all",
            description = "riemannian-newton, block-newton, lbfgs, gd or all (default: ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--backend", converter = BackendConverter.class,
            description = "where derivatives come from: tape or generated (default: tape; generated for a search,"
                    + " where it is about four times faster)")
    Backend backend;

    @Option(names = "--seed", description = "seed of the random starting points (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    long seed;

    @Option(names = "--tolerance", description = "stop when the Riemannian gradient norm is below this "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1e-10")
    double tolerance;

    @Option(names = "--max-iterations", description = "iteration (sweep) limit per method (default: ${DEFAULT-VALUE})",
            defaultValue = "20000")
    int maxIterations;

    @Option(names = "--subproblem", converter = SubproblemConverter.class, defaultValue = "dense",
            description = "block-newton: minimise each point's model with the dense 3 x 3 solver (dense) or with"
            + " Hager's sequential subspace method, Hessian-vector products only (subspace); default: ${DEFAULT-VALUE}")
    BlockNewton.Subproblem subproblem;

    @Option(names = "--out", description = "PNG to write (default: ${DEFAULT-VALUE})", defaultValue = "thomson.png")
    Path out;

    /** The global searches, with their command-line names. */
    enum Search {
        MULTISTART("multistart"), BASIN_HOPPING("basin-hopping");

        final String label;

        Search(String label) {
            this.label = label;
        }

        static Search parse(String text) {
            return byLabel(values(), v -> v.label, text, "search");
        }
    }

    @Option(names = "--starts", description = "search for the global minimum from this many seeded random starts"
            + " (default: 4 with --search, else one start and no search)")
    Integer starts;

    @Option(names = "--search", converter = SearchConverter.class, description = "the global search: basin-hopping"
            + " (default with --starts) or multistart (local minimisation from each start only)")
    Search search;

    @Option(names = "--patience", defaultValue = "" + ThomsonSearch.DEFAULT_PATIENCE,
            description = "basin hopping: a start stops after this many"
            + " rounds without a new lowest energy (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--temperature", defaultValue = "" + ThomsonSearch.DEFAULT_TEMPERATURE,
            description = "basin hopping: Metropolis temperature,"
            + " in units of the energy (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--threads", description = "threads the starts share (default: the number of cores)")
    Integer threads;

    @Option(names = "--time-limit", defaultValue = "" + ThomsonSearch.DEFAULT_TIME_LIMIT,
            description = "search: seconds after which every start"
            + " stops hopping (default: ${DEFAULT-VALUE})")
    double timeLimit;

    static final class SearchConverter implements CommandLine.ITypeConverter<Search> {
        @Override
        public Search convert(String value) {
            return Search.parse(value);
        }
    }

    static final class SubproblemConverter implements CommandLine.ITypeConverter<BlockNewton.Subproblem> {
        @Override
        public BlockNewton.Subproblem convert(String value) {
            return BlockNewton.Subproblem.parse(value);
        }
    }

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            return Method.parse(value);
        }
    }

    static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            return Backend.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (n < 2) {
            throw new CommandLine.ParameterException(cl, "--n must be at least 2 (two points are the smallest problem), got " + n);
        }
        if (maxIterations < 1) {
            throw new CommandLine.ParameterException(cl, "--max-iterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0.0)) {
            throw new CommandLine.ParameterException(cl, "--tolerance must be positive, got " + tolerance);
        }
        boolean searching = starts != null || search != null;
        if (backend == null) {
            backend = searching ? Backend.GENERATED : Backend.TAPE;
        }
        if (searching) {
            checkSearchOptions(cl);
            int k = starts == null ? ThomsonSearch.DEFAULT_STARTS : starts;
            int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            checkMemory(cl, BasinHopping.iterationLimit(n), Math.min(k, pool), "");
            OutputFile.checkWritable(cl, out);
            new ThomsonSearchReport(n, backend, out).run(new ThomsonSearch.Settings(n, k,
                    search == Search.MULTISTART ? 0 : patience, temperature, timeLimit, seed, pool), tolerance, cl);
            return 0;
        }
        checkMemory(cl, maxIterations, 1, " or --max-iterations");
        OutputFile.checkWritable(cl, out);
        PrintWriter stdout = cl.getOut();
        PrintWriter stderr = cl.getErr();

        double[] x0 = ThomsonProblem.randomStart(n, seed);
        Objective energy = backend.energy(x0);
        OptionalDouble known = KnownMinima.energy(n);
        stdout.printf("Thomson problem, N = %d points, %s derivatives, random start from seed %d%n", n, backend.label, seed);
        if (known.isPresent()) {
            stdout.println("(lowest known energies: thomson-minima.tsv, given to 9 decimals)");
        }
        double pairs = n * (n - 1.0) / 2;
        if (pairs > LARGE_PAIR_COUNT) {
            // At N = 100000 one gradient takes minutes: say so, or the run looks hung until its first iteration.
            stdout.printf("note: every energy evaluation sums %.3g pair terms; expect minutes per iteration%n", pairs);
        }
        stdout.flush();

        List<Method> methods = method == Method.ALL
                ? List.of(Method.RIEMANNIAN_NEWTON, Method.LBFGS, Method.BLOCK_NEWTON, Method.GD) : List.of(method);
        List<Trace> traces = new ArrayList<>();
        for (Method m : methods) {
            Progress progress = new Progress(stderr, m.label);
            Trace t = m == Method.BLOCK_NEWTON
                    ? new BlockNewton(energy, backend::pointEnergy, maxIterations, tolerance, subproblem)
                            .run(x0, s -> progress.update(s.index(), s.energy(), s.gradientNorm()))
                    : runOptimizer(m, energy, x0, progress);
            progress.done();
            traces.add(t);
            report(stdout, t, known);
        }
        writeChart(traces, known);
        stdout.println("wrote " + out);
        return 0;
    }

    private void checkSearchOptions(CommandLine cl) {
        if (starts != null && starts < 1) {
            throw new CommandLine.ParameterException(cl, "--starts must be at least 1, got " + starts);
        }
        if (patience < 0) {
            throw new CommandLine.ParameterException(cl, "--patience must be at least 0 rounds, got " + patience);
        }
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new CommandLine.ParameterException(cl, "--temperature must be positive and finite, got "
                    + temperature);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1, got " + threads);
        }
        if (!(timeLimit > 0.0)) {
            throw new CommandLine.ParameterException(cl, "--time-limit must be a positive number of seconds, got "
                    + timeLimit);
        }
    }

    /**
     * Refuses a run whose data cannot fit in this JVM's heap, before any work, instead of an
     * OutOfMemoryError after minutes. The tape holds one node per pair (about 37 bytes), the sweeps
     * 8 bytes per node for each of up to 6 arrays, and recording keeps a {@code Var} per pair term
     * alive until it finishes (about 50 bytes): 140 bytes per pair in all, rounded up. Every method
     * also keeps its iterates (3n doubles per iteration); a search has {@code copies} local
     * minimisations (one per thread) with a tape and iterates each at once.
     */
    private void checkMemory(CommandLine cl, long iterateLimit, int copies, String limitOption) {
        double pairs = n * (n - 1.0) / 2;
        double tape = backend == Backend.TAPE ? 140 * pairs : 0;
        double iterates = 24.0 * n * (iterateLimit + 1.0);
        double needed = copies * (tape + iterates);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > 0.8 * available) {
            String what = backend == Backend.TAPE
                    ? String.format("a tape of %.3g pair terms and up to %d iterates", pairs, iterateLimit + 1)
                    : String.format("up to %d iterates of %d coordinates", iterateLimit + 1, 3 * n);
            if (copies > 1) {
                what += ", for each of " + copies + " threads";
            }
            throw new CommandLine.ParameterException(cl, String.format(
                    "--n %d needs about %s of memory (%s), more than the %s this JVM may use; choose a smaller"
                            + " --n%s, or run java with a larger -Xmx", n, bytes(needed), what, bytes(available),
                    backend == Backend.TAPE ? ", --backend generated" : limitOption));
        }
    }

    private static String bytes(double b) {
        return b >= 1e9 ? String.format("%.1f GB", b / 1e9) : String.format("%.0f MB", b / 1e6);
    }

    private Trace runOptimizer(Method m, Objective energy, double[] x0, Progress progress) {
        StoppingCriteria stop = StoppingCriteria.gradientBelow(tolerance).withMaxIterations(maxIterations);
        ProductOfSpheres spheres = ProductOfSpheres.of(n, 3);
        Optimizer optimizer = switch (m) {
            case RIEMANNIAN_NEWTON -> new NewtonCg().onManifold(spheres).withStopping(stop)
                    .withListener(it -> progress.update(it.index(), it.value(), it.gradientNorm()));
            case LBFGS -> new Lbfgs().onManifold(spheres).withStopping(stop)
                    .withListener(it -> progress.update(it.index(), it.value(), it.gradientNorm()));
            case GD -> new GradientDescent().onManifold(spheres).withStopping(stop)
                    .withListener(it -> progress.update(it.index(), it.value(), it.gradientNorm()));
            default -> throw new IllegalStateException("not an Optimizer-based method: " + m);
        };
        long start = System.nanoTime();
        OptimizationHistory h = optimizer.minimize(energy, x0);
        return Trace.of(m.label, h, (System.nanoTime() - start) * 1e-9);
    }

    private static void report(PrintWriter out, Trace t, OptionalDouble known) {
        out.printf("%-18s E = %.12f", t.method(), t.finalValue());
        if (known.isPresent()) {
            double diff = t.finalValue() - known.getAsDouble();
            out.printf("  lowest known %.12f  difference %+.3e", known.getAsDouble(), diff);
        } else {
            out.print("  (no known minimum for this N in thomson-minima.tsv)");
        }
        out.printf("  |grad| %.2e  %d iterations  %d gradients  %d HVPs  %.2f s  %s%n", t.finalGradientNorm(),
                t.iterations(), t.gradients(), t.hessianVectors(), t.seconds(), t.stopReason());
        if (t.stopReason().equals("MAX_ITERATIONS")) {
            out.printf("%-18s note: not converged within --max-iterations %d (|grad| above --tolerance)%n", "",
                    t.iterations());
        } else if (known.isPresent() && t.finalValue() - known.getAsDouble() > 1e-9 * known.getAsDouble()) {
            out.printf("%-18s note: converged above the lowest known energy: a local minimum; try another --seed%n",
                    "");
        }
    }

    private void writeChart(List<Trace> traces, OptionalDouble known) throws java.io.IOException {
        // The table is rounded to 9 decimals, and converged runs often end just below it: measure the gap
        // from whichever is lower, so that the curves show convergence instead of the table's rounding.
        // A run that matches the table to its 9 decimals is measured from its own best energy: measured from the
        // rounded table value, the curves would level off at the rounding error and look unconverged.
        double best = traces.stream().mapToDouble(Trace::finalValue).min().orElseThrow();
        boolean belowTable = known.isPresent() && known.getAsDouble() < best - KnownMinima.ROUNDING;
        double reference = belowTable ? known.getAsDouble() : best;
        String gapTitle = belowTable ? "E - lowest known energy"
                : known.isPresent() && best >= known.getAsDouble() - KnownMinima.ROUNDING
                        ? "E - best of this run (= lowest known to 9 decimals)"
                : "E - lowest energy of this run";
        XYChart gap = Charts.lineChart("Thomson N = " + n + ": energy gap", "iteration", gapTitle, false, true);
        XYChart grad = Charts.lineChart("Thomson N = " + n + ": Riemannian gradient norm", "iteration", "|grad E|",
                false, true);
        // A gap within round-off of the energy is zero to the precision of double: the curve stops there (a
        // log axis cannot show it) and the legend says so, instead of a run of points at an arbitrary floor.
        double roundOff = 1e-14 * Math.max(1.0, Math.abs(reference));
        for (Trace t : traces) {
            double[] gaps = t.values().clone();
            int shown = gaps.length;
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] -= reference;
                if (shown == gaps.length && gaps[i] <= roundOff) {
                    shown = i;
                }
            }
            double[] x = Charts.indices(gaps.length);
            boolean markers = gaps.length <= 60;
            if (shown > 0) {
                String name = shown < gaps.length
                        ? t.method() + " (gap at round-off from iteration " + shown + ")" : t.method();
                Charts.addLine(gap, name, java.util.Arrays.copyOf(x, shown), java.util.Arrays.copyOf(gaps, shown),
                        markers);
            }
            Charts.addLine(grad, t.method(), x, t.gradientNorms(), markers);
        }
        Charts.writePng(List.of(gap, grad), out);
    }
}
