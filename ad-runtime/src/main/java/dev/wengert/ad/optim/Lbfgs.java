package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Limited-memory BFGS with a strong-Wolfe line search: the direction is -H g for the inverse-Hessian
 * approximation H built from the last m steps ({@link LbfgsHistory}); only gradients are used.
 *
 * <p>On a {@link Manifold} it is a Riemannian L-BFGS: gradients are projected onto the tangent space,
 * steps are retracted, the line search follows the retraction curve, and the stored pairs are carried
 * to each new tangent space by projection. The new pair is s = the retraction curve's velocity times
 * the step (a tangent vector at the new point) and y = g_new - P(g_old).
 *
 * <pre>{@code
 * OptimizationHistory h = new Lbfgs().withMemory(10).minimize(rosenbrock, new double[] {-1.2, 1.0});
 * }</pre>
 */
public final class Lbfgs extends ConfiguredOptimizer<Lbfgs> {

    private final int memory;
    private final StrongWolfeLineSearch lineSearch;

    /** Memory 10, c1 = 1e-4, c2 = 0.9, |g| &lt;= 1e-8 or 1000 iterations, in R^n. */
    public Lbfgs() {
        this(Settings.defaults(), 10, StrongWolfeLineSearch.forQuasiNewton());
    }

    private Lbfgs(Settings settings, int memory, StrongWolfeLineSearch lineSearch) {
        super(settings);
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        this.memory = memory;
        this.lineSearch = lineSearch;
    }

    /**
     * A copy of this optimiser keeping the last {@code m} correction pairs.
     *
     * @param m the number of pairs, at least 1
     * @return the new optimiser
     */
    public Lbfgs withMemory(int m) {
        return new Lbfgs(settings(), m, lineSearch);
    }

    /**
     * A copy of this optimiser with another line search.
     *
     * @param search the line search
     * @return the new optimiser
     */
    public Lbfgs withLineSearch(StrongWolfeLineSearch search) {
        return new Lbfgs(settings(), memory, search);
    }

    @Override
    Lbfgs withSettings(Settings settings) {
        return new Lbfgs(settings, memory, lineSearch);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, x0);
        Manifold manifold = settings().manifold();
        int n = problem.dimension();
        LbfgsHistory pairs = new LbfgsHistory(memory);
        Problem.Point p = problem.start(x0);
        StopReason reason = problem.recordStart(p);
        while (reason == null) {
            double[] direction = pairs.applyInverseHessian(p.gradient());
            Vectors.scale(-1.0, direction);
            if (!manifold.isEuclidean()) {
                manifold.project(p.x(), direction, direction);
            }
            double gNorm = p.gradientNorm();
            if (!(Vectors.dot(direction, p.gradient()) < -1e-12 * gNorm * Vectors.norm(direction))) {
                pairs.clear();   // the approximation went bad: restart from steepest descent
                direction = steepest(p);
            }
            // The model's decrease for the full step is -g.d / 2. Once it is below f's noise, f cannot tell
            // a good step from a bad one and a line search spends its budget on rounding (6.7 evaluations
            // per iteration near the minimum of Meyer's fit, whose f is noisier than the default level).
            // The slopes still can, roughly: the full step is taken if it meets the curvature condition;
            // otherwise the search goes on from it (not evaluating it again) for one more trial, the one
            // its usual rules choose, and returns the better of the two: more trials there only zoom in on
            // the slopes' own rounding (2.25 gradients an iteration near Meyer's minimum before, up to 8 in
            // one search). (The step is not marked quiet for the noise test: far from where |g| stops
            // falling the model's decrease is already below the noise, e.g. at |g| ~ 1e-5 for Thomson
            // N = 19, and L-BFGS's |g| is not monotone.)
            StrongWolfeLineSearch.Result<Problem.Point> r;
            StrongWolfeLineSearch.Line<Problem.Point> line = problem.line(p, direction);
            if (problem.detectsNoise() && !pairs.isEmpty()
                    && -0.5 * Vectors.dot(direction, p.gradient()) <= problem.noise(p)) {
                StrongWolfeLineSearch.Trial<Problem.Point> full = line.evaluate(1.0);
                if (Math.abs(full.slope()) <= -lineSearch.c2() * Vectors.dot(direction, p.gradient())) {
                    r = new StrongWolfeLineSearch.Result<>(full, true, 1);
                } else {
                    r = lineSearch(problem, p).withMaxEvaluations(2)
                            .searchFrom(line, Problem.origin(p, direction), full);
                }
            } else {
                r = search(problem, p, direction, pairs.isEmpty());
            }
            if (!r.moved() && !pairs.isEmpty()) {
                pairs.clear();
                direction = steepest(p);
                r = search(problem, p, direction, true);
            }
            if (!r.moved()) {
                reason = StopReason.NO_PROGRESS;
                break;
            }
            Problem.Point next = r.point().state();
            double[] s = new double[n];
            manifold.retractionVelocity(p.x(), direction, r.point().alpha(), s);
            Vectors.scale(r.point().alpha(), s);
            double[] y = new double[n];
            manifold.project(next.x(), p.gradient(), y);
            for (int i = 0; i < n; i++) {
                y[i] = next.gradient()[i] - y[i];
            }
            if (!manifold.isEuclidean()) {
                pairs.transport(manifold, next.x());
            }
            pairs.add(s, y);
            reason = problem.record(p, next);
            p = next;
        }
        return problem.finish(reason);
    }

    private StrongWolfeLineSearch.Result<Problem.Point> search(Problem problem, Problem.Point p, double[] direction,
                                                              boolean steepest) {
        // Without curvature information the direction has the gradient's scale; a first step of
        // length at most 1 keeps the first trial point from flying off.
        double initial = steepest ? Math.min(1.0, 1.0 / Vectors.norm(direction)) : 1.0;
        return lineSearch(problem, p).search(problem.line(p, direction), Problem.origin(p, direction), initial);
    }

    /** The line search with its noise band widened to the noise f has shown so far. */
    private StrongWolfeLineSearch lineSearch(Problem problem, Problem.Point p) {
        return lineSearch.withNoiseAtLeast(problem.observedRelativeNoise(p));
    }

    private static double[] steepest(Problem.Point p) {
        double[] d = p.gradient().clone();
        Vectors.scale(-1.0, d);
        return d;
    }
}
