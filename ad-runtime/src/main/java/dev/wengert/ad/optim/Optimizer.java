package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Minimises an {@link Objective} from a starting point and returns the run's history. Implemented
 * by {@link Newton}, {@link NewtonCg}, {@link Lbfgs}, {@link GradientDescent} and {@link MomentumSgd};
 * instances are immutable and configured with {@code with...} methods.
 *
 * <pre>{@code
 * Optimizer opt = new NewtonCg().withStopping(StoppingCriteria.gradientBelow(1e-10));
 * OptimizationHistory h = opt.minimize(f, x0);
 * }</pre>
 */
public interface Optimizer {

    /**
     * Runs from {@code x0} (moved onto the manifold first, if the optimiser has one).
     *
     * @param f the objective
     * @param x0 the starting point
     * @return every iterate and why the run stopped
     * @throws IllegalArgumentException if x0 is empty, not finite, or does not fit the manifold
     * @throws NonFiniteObjectiveException if f or its gradient is not finite where the run needs it
     */
    OptimizationHistory minimize(Objective f, double[] x0);
}
