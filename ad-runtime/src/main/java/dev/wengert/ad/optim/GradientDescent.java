package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Steepest descent with a strong-Wolfe line search (c2 = 0.1). The first trial step of each search
 * assumes the same first-order decrease as the last iteration achieved (Nocedal and Wright, (3.60)),
 * so the search usually needs one or two evaluations. Linear convergence at best: a baseline.
 *
 * <pre>{@code
 * OptimizationHistory h = new GradientDescent().withStopping(StoppingCriteria.gradientBelow(1e-6)).minimize(f, x0);
 * }</pre>
 */
public final class GradientDescent extends ConfiguredOptimizer<GradientDescent> {

    private final StrongWolfeLineSearch lineSearch;

    /** c1 = 1e-4, c2 = 0.1, |g| &lt;= 1e-8 or 1000 iterations, in R^n. */
    public GradientDescent() {
        this(Settings.defaults(), StrongWolfeLineSearch.forSteepestDescent());
    }

    private GradientDescent(Settings settings, StrongWolfeLineSearch lineSearch) {
        super(settings);
        this.lineSearch = lineSearch;
    }

    /**
     * A copy of this optimiser with another line search.
     *
     * @param search the line search
     * @return the new optimiser
     */
    public GradientDescent withLineSearch(StrongWolfeLineSearch search) {
        return new GradientDescent(settings(), search);
    }

    @Override
    GradientDescent withSettings(Settings settings) {
        return new GradientDescent(settings, lineSearch);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, x0);
        Problem.Point p = problem.start(x0);
        StopReason reason = problem.recordStart(p);
        double initial = Math.min(1.0, 1.0 / p.gradientNorm());
        while (reason == null) {
            double[] direction = p.gradient().clone();
            Vectors.scale(-1.0, direction);
            StrongWolfeLineSearch.Result<Problem.Point> r =
                    lineSearch.withNoiseAtLeast(problem.observedRelativeNoise(p)).search(problem.line(p, direction), Problem.origin(p, direction), initial);
            if (!r.moved()) {
                reason = StopReason.NO_PROGRESS;
                break;
            }
            Problem.Point next = r.point().state();
            double gg = p.gradientNorm() * p.gradientNorm();
            double ggNext = next.gradientNorm() * next.gradientNorm();
            initial = ggNext > 0.0 ? r.point().alpha() * gg / ggNext : 1.0;
            initial = Math.min(initial, 1e10);
            reason = problem.record(p, next);
            p = next;
        }
        return problem.finish(reason);
    }
}
