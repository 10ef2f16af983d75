package dev.wengert.ad.optim;

/**
 * A line search that finds a step alpha satisfying the strong Wolfe conditions on a curve
 * phi(alpha) = f(R_x(alpha d)):
 * <pre>
 *   phi(alpha) &lt;= phi(0) + c1 alpha phi'(0)          (sufficient decrease)
 *   |phi'(alpha)| &lt;= c2 |phi'(0)|                     (curvature)
 * </pre>
 * It is the bracketing-then-zoom algorithm of Nocedal and Wright, <i>Numerical Optimization</i>
 * (2nd ed.), Algorithms 3.5 and 3.6, with a safeguarded cubic interpolation in the zoom.
 *
 * <p>Close to a minimiser the decrease of f falls below its rounding noise and the sufficient
 * decrease test becomes a coin toss. There the search accepts a point whose value is within
 * {@code noise * (1 + |phi(0)|)} of phi(0) and whose slope meets the curvature condition: the
 * "approximate Wolfe" idea of Hager and Zhang, which keeps superlinear methods converging to
 * gradient norms far below sqrt(machine epsilon). There the slopes are noisy too, and the curvature
 * test may never pass: after {@value #NOISY_TRIALS} trials within the noise that fail it, the search
 * returns the lowest of them (not a Wolfe point, but a move that costs two evaluations, not the whole
 * budget), and the optimiser's noise test ends the run a few iterations later.
 *
 * <pre>{@code
 * StrongWolfeLineSearch search = StrongWolfeLineSearch.forQuasiNewton();
 * StrongWolfeLineSearch.Result<double[]> r = search.search(line, line.evaluate(0.0), 1.0);
 * }</pre>
 *
 * @param c1 sufficient decrease constant, in (0, c2)
 * @param c2 curvature constant, in (c1, 1); 0.9 for (quasi-)Newton, 0.1 for steepest descent
 * @param maxEvaluations evaluation budget for one search
 * @param noise relative noise level of f below which the approximate test applies (0 disables it)
 */
public record StrongWolfeLineSearch(double c1, double c2, int maxEvaluations, double noise) {

    /** Trials within the noise of phi(0) that fail the curvature test, after which the search gives up on Wolfe. */
    static final int NOISY_TRIALS = 2;

    /**
     * Validates the constants: 0 &lt; c1 &lt; c2 &lt; 1, a positive budget, a non-negative noise level.
     *
     * @param c1 sufficient decrease constant, in (0, c2)
     * @param c2 curvature constant, in (c1, 1); 0.9 for (quasi-)Newton, 0.1 for steepest descent
     * @param maxEvaluations evaluation budget for one search
     * @param noise relative noise level of f below which the approximate test applies (0 disables it)
     */
    public StrongWolfeLineSearch {
        if (!(c1 > 0.0 && c1 < c2 && c2 < 1.0)) {
            throw new IllegalArgumentException("need 0 < c1 < c2 < 1, got c1=" + c1 + ", c2=" + c2);
        }
        if (maxEvaluations < 2) {
            throw new IllegalArgumentException("maxEvaluations must be at least 2, got " + maxEvaluations);
        }
        if (!(noise >= 0.0 && noise < 1e-3)) {
            throw new IllegalArgumentException("noise must be in [0, 1e-3), got " + noise);
        }
    }

    /**
     * This search with at least the given noise level: the optimisers pass the noise they have seen in f.
     *
     * @param relativeNoise a relative noise level of f, in [0, 1e-3)
     * @return this search if its level is already as large, else a copy with the larger level
     */
    public StrongWolfeLineSearch withNoiseAtLeast(double relativeNoise) {
        return relativeNoise <= noise || noise == 0.0 ? this
                : new StrongWolfeLineSearch(c1, c2, maxEvaluations, relativeNoise);
    }

    /**
     * c1 = 1e-4, c2 = 0.9: the usual choice for Newton and quasi-Newton directions.
     *
     * @return the line search
     */
    public static StrongWolfeLineSearch forQuasiNewton() {
        return new StrongWolfeLineSearch(1e-4, 0.9, 40, 1e-12);
    }

    /**
     * c1 = 1e-4, c2 = 0.1: a tighter search, as steepest descent needs.
     *
     * @return the line search
     */
    public static StrongWolfeLineSearch forSteepestDescent() {
        return new StrongWolfeLineSearch(1e-4, 0.1, 40, 1e-12);
    }

    /**
     * A point on the search curve.
     *
     * @param alpha the step parameter
     * @param value phi(alpha)
     * @param slope phi'(alpha)
     * @param state whatever the caller wants to keep from the evaluation (the new point, its gradient)
     * @param <S> type of the caller's state
     */
    public record Trial<S>(double alpha, double value, double slope, S state) {}

    /**
     * The curve being searched.
     *
     * @param <S> type of the caller's state
     */
    @FunctionalInterface
    public interface Line<S> {
        /**
         * Evaluates phi and phi' at alpha &gt; 0.
         *
         * @param alpha the step parameter, positive
         * @return phi(alpha), phi'(alpha) and the caller's state
         */
        Trial<S> evaluate(double alpha);
    }

    /**
     * The outcome of a search.
     *
     * @param point the accepted point; {@code point.alpha() == 0} means no step decreased f
     * @param wolfe true when the strong Wolfe (or approximate Wolfe) conditions hold at point
     * @param evaluations number of curve evaluations used
     * @param <S> type of the caller's state
     */
    public record Result<S>(Trial<S> point, boolean wolfe, int evaluations) {
        /**
         * True when some step with sufficient decrease was found.
         *
         * @return true when the search moved
         */
        public boolean moved() {
            return point.alpha() > 0.0;
        }
    }

    /**
     * Searches from {@code zero} (phi and phi' at alpha = 0, with phi'(0) &lt; 0), trying
     * {@code initialStep} first.
     *
     * @param <S> type of the caller's state
     * @param line the curve
     * @param zero phi and phi' at alpha = 0
     * @param initialStep the first step tried, positive
     * @return the accepted point, whether the conditions hold, the evaluations used
     * @throws IllegalArgumentException if phi'(0) is not negative or the initial step is not positive
     */
    public <S> Result<S> search(Line<S> line, Trial<S> zero, double initialStep) {
        requireDescent(zero);
        if (!(initialStep > 0.0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("initial step must be positive and finite, got " + initialStep);
        }
        return searchFrom(line, zero, line.evaluate(initialStep));
    }

    /**
     * As {@link #search}, with the first trial already evaluated by the caller (it counts as one of the
     * budget's evaluations): an optimiser that has tried a step on its own hands it over instead of
     * paying for it twice.
     */
    <S> Result<S> searchFrom(Line<S> line, Trial<S> zero, Trial<S> first) {
        requireDescent(zero);
        Trial<S> previous = zero;
        Trial<S> current = first;
        int evaluations = 1;
        Noisy<S> noisy = new Noisy<>();
        while (true) {
            if (approximatelyWolfe(zero, current)) {
                return new Result<>(current, true, evaluations);
            }
            if (noisy.full(zero, current)) {
                return new Result<>(noisy.best, false, evaluations);
            }
            if (!acceptableDecrease(zero, current)
                    || (evaluations > 1 && current.value() >= previous.value() && !withinNoise(zero, current))) {
                return zoom(line, zero, previous, current, evaluations, noisy);
            }
            if (Math.abs(current.slope()) <= -c2 * zero.slope()) {
                return new Result<>(current, true, evaluations);
            }
            if (current.slope() >= 0.0) {
                return zoom(line, zero, current, previous, evaluations, noisy);
            }
            previous = current;
            if (evaluations >= maxEvaluations) {
                return new Result<>(previous, false, evaluations);
            }
            // Still descending steeply: the minimiser lies further out.
            current = line.evaluate(2.0 * current.alpha());
            evaluations++;
        }
    }

    /**
     * This search with another evaluation budget.
     *
     * @param evaluations the budget, at least 2
     */
    StrongWolfeLineSearch withMaxEvaluations(int evaluations) {
        return evaluations == maxEvaluations ? this : new StrongWolfeLineSearch(c1, c2, evaluations, noise);
    }

    private static void requireDescent(Trial<?> zero) {
        if (!(zero.slope() < 0.0)) {
            throw new IllegalArgumentException("search direction is not a descent direction: phi'(0) = "
                    + zero.slope());
        }
    }

    /**
     * Narrows [lo, hi] (not ordered) until a Wolfe point is found. Invariants: lo has the lowest
     * value seen with sufficient decrease (or is within the noise of phi(0)), and phi'(lo) (hi - lo) &lt; 0,
     * so a minimiser lies between.
     */
    private <S> Result<S> zoom(Line<S> line, Trial<S> zero, Trial<S> lo, Trial<S> hi, int evaluations,
                               Noisy<S> noisy) {
        while (evaluations < maxEvaluations) {
            double alpha = interpolate(lo, hi);
            if (alpha == lo.alpha() || alpha == hi.alpha()) {
                break;   // the bracket has collapsed to adjacent doubles
            }
            Trial<S> current = line.evaluate(alpha);
            evaluations++;
            if (approximatelyWolfe(zero, current)) {
                return new Result<>(current, true, evaluations);
            }
            if (noisy.full(zero, current)) {
                return new Result<>(noisy.best, false, evaluations);
            }
            if (!acceptableDecrease(zero, current) || (current.value() >= lo.value() && !withinNoise(zero, current))) {
                hi = current;
            } else {
                if (Math.abs(current.slope()) <= -c2 * zero.slope()) {
                    return new Result<>(current, true, evaluations);
                }
                if (current.slope() * (hi.alpha() - lo.alpha()) >= 0.0) {
                    hi = lo;
                }
                lo = current;
            }
        }
        return new Result<>(lo, false, evaluations);
    }

    /** The trials that landed within the noise of phi(0) without meeting the curvature test. */
    private final class Noisy<S> {
        private int count;
        private Trial<S> best;

        /** Counts t if it is such a trial; true once there are {@link #NOISY_TRIALS} of them. */
        boolean full(Trial<S> zero, Trial<S> t) {
            if (!withinNoise(zero, t)) {
                return false;
            }
            count++;
            if (best == null || t.value() < best.value()) {
                best = t;
            }
            return count >= NOISY_TRIALS;
        }
    }

    private boolean sufficientDecrease(Trial<?> zero, Trial<?> t) {
        return Double.isFinite(t.value()) && t.value() <= zero.value() + c1 * t.alpha() * zero.slope();
    }

    /**
     * True when phi(alpha) differs from phi(0) by less than the noise of f: then values cannot tell
     * which point is lower, and the search decides by slopes alone.
     */
    private boolean withinNoise(Trial<?> zero, Trial<?> t) {
        return noise > 0.0 && Double.isFinite(t.value()) && Double.isFinite(t.slope())
                && Math.abs(t.value() - zero.value()) <= noise * (1.0 + Math.abs(zero.value()));
    }

    private boolean acceptableDecrease(Trial<?> zero, Trial<?> t) {
        return sufficientDecrease(zero, t) || withinNoise(zero, t);
    }

    private boolean approximatelyWolfe(Trial<?> zero, Trial<?> t) {
        return withinNoise(zero, t) && Math.abs(t.slope()) <= -c2 * zero.slope();
    }

    /**
     * The minimiser of the cubic through both ends (values and slopes), kept at least 10% of the
     * bracket away from either end so that the bracket shrinks; the midpoint when the cubic is unusable.
     */
    private static double interpolate(Trial<?> a, Trial<?> b) {
        double lo = Math.min(a.alpha(), b.alpha());
        double hi = Math.max(a.alpha(), b.alpha());
        double width = hi - lo;
        double mid = lo + 0.5 * width;
        if (!(Double.isFinite(a.value()) && Double.isFinite(b.value())
                && Double.isFinite(a.slope()) && Double.isFinite(b.slope()))) {
            return mid;
        }
        // Nocedal-Wright (3.59).
        double d1 = a.slope() + b.slope() - 3.0 * (a.value() - b.value()) / (a.alpha() - b.alpha());
        double radicand = d1 * d1 - a.slope() * b.slope();
        if (radicand < 0.0) {
            return mid;
        }
        double d2 = Math.signum(b.alpha() - a.alpha()) * Math.sqrt(radicand);
        double denominator = b.slope() - a.slope() + 2.0 * d2;
        if (denominator == 0.0) {
            return mid;
        }
        double alpha = b.alpha() - (b.alpha() - a.alpha()) * (b.slope() + d2 - d1) / denominator;
        if (!Double.isFinite(alpha)) {
            return mid;
        }
        return Math.min(Math.max(alpha, lo + 0.1 * width), hi - 0.1 * width);
    }
}
