package dev.wengert.ad.optim;

import java.util.List;

/**
 * The immutable record of one optimiser run: every iterate from the start (index 0) to the last,
 * and why the run stopped.
 *
 * <pre>{@code
 * OptimizationHistory h = new NewtonCg().minimize(f, x0);
 * if (h.converged()) System.out.println(h.last().value() + " after " + h.iterationCount() + " iterations");
 * }</pre>
 *
 * @param iterations the iterates in order, the starting point first
 * @param stopReason why the run stopped
 */
public record OptimizationHistory(List<Iteration> iterations, StopReason stopReason) {

    /**
     * Copies the iterates; a history holds at least the starting point.
     *
     * @param iterations the iterates in order, the starting point first
     * @param stopReason why the run stopped
     */
    public OptimizationHistory {
        iterations = List.copyOf(iterations);
        if (iterations.isEmpty()) {
            throw new IllegalArgumentException("a history holds at least the starting point");
        }
    }

    /**
     * The last iterate.
     *
     * @return the last iterate
     */
    public Iteration last() {
        return iterations.get(iterations.size() - 1);
    }

    /**
     * A copy of the last point: the optimiser's answer.
     *
     * @return a new array
     */
    public double[] solution() {
        return last().x();
    }

    /**
     * Number of iterations taken (the starting point is not one).
     *
     * @return the iteration count
     */
    public int iterationCount() {
        return iterations.size() - 1;
    }

    /**
     * True when the run stopped because the gradient tolerance was met.
     *
     * @return true when converged
     */
    public boolean converged() {
        return stopReason == StopReason.GRADIENT_TOLERANCE;
    }
}
